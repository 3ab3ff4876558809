"""Writes for the equality statement: workforce imports and the statement's text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lim.core.audit import audit_record, changes
from lim.core.errors import DomainError
from lim.core.models import Organisation, User
from lim.equality import storage
from lim.equality.models import (
    ApplicationsSnapshot,
    EqualityStatement,
    StatementArea,
    StatementAreaText,
    WorkforceSnapshot,
)


class ImportRejectedError(DomainError):
    """The file was rejected as a whole; `problems` lists every reason, line by line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


@transaction.atomic
def workforce_import(
    *,
    actor: User | None,
    organisation: Organisation,
    year: int,
    filename: str,
    content: bytes,
    language: str = "nb",
    now: dt.datetime | None = None,
) -> WorkforceSnapshot:
    """Validate the whole file and replace the year's snapshot with it, or change nothing."""
    table = storage.read_workforce_file(content, filename=filename, language=language)
    if table.problems:
        raise ImportRejectedError(table.problems)
    previous = WorkforceSnapshot.objects.filter(organisation=organisation, year=year).first()
    replaced = previous is not None
    if previous is not None:
        previous.delete()
    snapshot = WorkforceSnapshot.objects.create(
        organisation=organisation,
        year=year,
        imported_at=now or timezone.now(),
        imported_by=actor,
        source_name=filename[:255],
        employee_count=table.row_count,
        columns=table.columns,
        warnings=table.warnings,
        data=table.parquet,
    )
    audit_record(
        actor=actor,
        action="workforce.import",
        obj=snapshot,
        organisation=organisation,
        details={
            "year": year,
            "employees": table.row_count,
            "replaced": replaced,
            "warnings": len(table.warnings),
        },
    )
    return snapshot


@transaction.atomic
def applications_import(
    *,
    actor: User,
    organisation: Organisation,
    year: int,
    filename: str,
    content: bytes,
    language: str = "nb",
    now: dt.datetime | None = None,
) -> ApplicationsSnapshot:
    table = storage.read_applications_file(content, filename=filename, language=language)
    if table.problems:
        raise ImportRejectedError(table.problems)
    ApplicationsSnapshot.objects.filter(organisation=organisation, year=year).delete()
    snapshot = ApplicationsSnapshot.objects.create(
        organisation=organisation,
        year=year,
        imported_at=now or timezone.now(),
        imported_by=actor,
        source_name=filename[:255],
        application_count=table.row_count,
        data=table.parquet,
    )
    audit_record(
        actor=actor,
        action="applications.import",
        obj=snapshot,
        organisation=organisation,
        details={"year": year, "applications": table.row_count},
    )
    return snapshot


STATEMENT_FIELDS = ("principles", "how_we_work")
AREA_FIELDS = ("risks", "causes", "measures", "results")


@transaction.atomic
def statement_save(
    *,
    actor: User,
    organisation: Organisation,
    year: int,
    texts: dict[str, str],
    areas: dict[str, dict[str, str]],
    now: dt.datetime | None = None,
) -> EqualityStatement:
    """Save part 2 of the statement; the audit event records what changed."""
    unknown = set(areas) - set(StatementArea.values)
    if unknown:
        raise DomainError(f"unknown areas: {', '.join(sorted(unknown))}")
    statement, _ = EqualityStatement.objects.select_for_update().get_or_create(
        organisation=organisation, year=year
    )
    diff: dict[str, Any] = changes(
        {name: getattr(statement, name) for name in STATEMENT_FIELDS},
        {name: texts.get(name, "") for name in STATEMENT_FIELDS},
    )
    for name in STATEMENT_FIELDS:
        setattr(statement, name, texts.get(name, ""))
    for area, values in areas.items():
        row, _ = StatementAreaText.objects.get_or_create(statement=statement, area=area)
        area_diff = changes(
            {name: getattr(row, name) for name in AREA_FIELDS},
            {name: values.get(name, "") for name in AREA_FIELDS},
        )
        if area_diff:
            for name in AREA_FIELDS:
                setattr(row, name, values.get(name, ""))
            row.save()
            diff[area] = area_diff
    if diff:
        statement.updated_at = now or timezone.now()
        statement.save()
        # Only which fields changed: the texts themselves are in the statement.
        audit_record(
            actor=actor,
            action="statement.update",
            obj=statement,
            organisation=organisation,
            details={"year": year, "changed": sorted(diff)},
        )
    return statement
