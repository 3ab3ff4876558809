"""Writes for the equality statement: workforce imports and the statement's text."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation

from lim.core.audit import audit_record, changes
from lim.core.errors import DomainError
from lim.core.models import Organisation, User
from lim.equality import storage
from lim.equality.models import (
    ApplicationsSnapshot,
    EqualityStatement,
    ImportJob,
    ImportStatus,
    StatementArea,
    StatementAreaText,
    WorkforceSnapshot,
)
from lim.equality.xmltext import xml_safe

logger = logging.getLogger(__name__)


class ImportRejectedError(DomainError):
    """The file was rejected as a whole; `problems` lists every reason, line by line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems[:3]))
        self.problems = problems


@dataclass(frozen=True)
class ImportFile:
    """An uploaded file: its name (for messages and the record) and its bytes."""

    name: str
    content: bytes


def _read_or_reject(
    workforce: ImportFile, applications: ImportFile | None, language: str
) -> tuple[storage.StoredTable, storage.StoredTable | None]:
    """Both files read and checked before anything is written; every problem of both."""
    table = storage.read_workforce_file(
        workforce.content, filename=workforce.name, language=language
    )
    problems = list(table.problems)
    extra = None
    if applications is not None:
        extra = storage.read_applications_file(
            applications.content, filename=applications.name, language=language
        )
        problems += [f"{applications.name}: {problem}" for problem in extra.problems]
    if problems:
        raise ImportRejectedError(problems)
    return table, extra


def _save_workforce(
    *,
    actor: User | None,
    organisation: Organisation,
    year: int,
    filename: str,
    table: storage.StoredTable,
    now: dt.datetime,
) -> WorkforceSnapshot:
    previous = WorkforceSnapshot.objects.filter(organisation=organisation, year=year).first()
    replaced = previous is not None
    if previous is not None:
        previous.delete()
    snapshot = WorkforceSnapshot.objects.create(
        organisation=organisation,
        year=year,
        imported_at=now,
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


def _save_applications(
    *,
    actor: User | None,
    organisation: Organisation,
    year: int,
    filename: str,
    table: storage.StoredTable,
    now: dt.datetime,
) -> ApplicationsSnapshot:
    ApplicationsSnapshot.objects.filter(organisation=organisation, year=year).delete()
    snapshot = ApplicationsSnapshot.objects.create(
        organisation=organisation,
        year=year,
        imported_at=now,
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


@transaction.atomic
def equality_import(
    *,
    actor: User | None,
    organisation: Organisation,
    year: int,
    workforce: ImportFile,
    applications: ImportFile | None = None,
    language: str = "nb",
    now: dt.datetime | None = None,
) -> WorkforceSnapshot:
    """Replace the year's workforce (and applications, when given) in one transaction:
    both files are saved, or, when either has a problem, nothing changes."""
    table, extra = _read_or_reject(workforce, applications, language)
    at = now or timezone.now()
    snapshot = _save_workforce(
        actor=actor,
        organisation=organisation,
        year=year,
        filename=workforce.name,
        table=table,
        now=at,
    )
    if applications is not None and extra is not None:
        _save_applications(
            actor=actor,
            organisation=organisation,
            year=year,
            filename=applications.name,
            table=extra,
            now=at,
        )
    return snapshot


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
    return equality_import(
        actor=actor,
        organisation=organisation,
        year=year,
        workforce=ImportFile(filename, content),
        language=language,
        now=now,
    )


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
    texts = {name: xml_safe(text) for name, text in texts.items()}
    areas = {area: {k: xml_safe(v) for k, v in values.items()} for area, values in areas.items()}
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


# --- Large imports, run by the worker ---------------------------------------------------

IMPORT_DIR = "equality-imports"


def _keep(upload: File[Any] | None) -> str:
    """Store an upload under a random name (never the user's) until the worker reads it."""
    if upload is None:
        return ""
    return default_storage.save(f"{IMPORT_DIR}/{uuid.uuid4().hex}", upload)


def import_job_create(
    *,
    actor: User,
    organisation: Organisation,
    year: int,
    workforce: File[Any],
    applications: File[Any] | None = None,
    language: str = "nb",
    now: dt.datetime | None = None,
) -> ImportJob:
    """Keep the files and queue the import; the worker runs `import_job_run`."""
    from lim.equality.tasks import run_import

    with transaction.atomic():
        job = ImportJob.objects.create(
            organisation=organisation,
            year=year,
            requested_by=actor,
            requested_at=now or timezone.now(),
            language=language,
            workforce_name=(workforce.name or "")[:255],
            workforce_file=_keep(workforce),
            applications_name=((applications.name or "") if applications else "")[:255],
            applications_file=_keep(applications),
        )
        audit_record(
            actor=actor,
            action="workforce.import_queued",
            obj=job,
            organisation=organisation,
            details={"year": year},
        )
        transaction.on_commit(lambda: run_import.enqueue(str(job.pk)))
    return job


def _take(name: str) -> bytes:
    with default_storage.open(name, "rb") as handle:
        content: bytes = handle.read()
    return content


def import_job_run(*, job_id: uuid.UUID, now: dt.datetime | None = None) -> ImportJob:
    """Run a queued import once; the job records the outcome and the files are deleted."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status != ImportStatus.QUEUED:
            return job
        job.status = ImportStatus.RUNNING
        job.save(update_fields=["status"])
    try:
        with translation.override(job.language):
            snapshot = equality_import(
                actor=job.requested_by,
                organisation=job.organisation,
                year=job.year,
                workforce=ImportFile(job.workforce_name, _take(job.workforce_file)),
                applications=ImportFile(job.applications_name, _take(job.applications_file))
                if job.applications_file
                else None,
                language=job.language,
                now=now,
            )
    except ImportRejectedError as rejected:
        job.status, job.problems = ImportStatus.FAILED, rejected.problems[: job.SHOWN_PROBLEMS]
        job.problem_count = len(rejected.problems)
    except Exception:
        logger.exception("equality import %s stopped", job.pk)
        job.status, job.problems = ImportStatus.FAILED, []
    else:
        job.status, job.employee_count = ImportStatus.DONE, snapshot.employee_count
    finally:
        for name in (job.workforce_file, job.applications_file):
            if name:
                default_storage.delete(name)
        job.workforce_file = job.applications_file = ""
        job.finished_at = now or timezone.now()
        job.save()
    return job
