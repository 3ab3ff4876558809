"""Reads for the equality statement."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from lim.core.models import Organisation
from lim.equality import storage
from lim.equality.models import (
    ApplicationsSnapshot,
    EqualityStatement,
    ImportJob,
    StatementArea,
    StatementAreaText,
    WorkforceSnapshot,
)

AREA_STEPS = (
    ("risks", gettext_lazy("1. Risks of discrimination and obstacles found")),
    ("causes", gettext_lazy("2. Causes of the risks found")),
    ("measures", gettext_lazy("3. Measures taken or planned")),
    ("results", gettext_lazy("4. Results and evaluation of the measures")),
)


def import_job_for(*, organisation: Organisation, job_id: uuid.UUID) -> ImportJob | None:
    """A large import of the organisation's, or None (also for another organisation's)."""
    return ImportJob.objects.filter(organisation=organisation, pk=job_id).first()


def recent_import_jobs(*, organisation: Organisation, days: int = 7) -> list[ImportJob]:
    """The organisation's large imports of the last week, newest first, for the overview."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(ImportJob.objects.filter(organisation=organisation, requested_at__gte=since))


def snapshots(*, organisation: Organisation) -> list[WorkforceSnapshot]:
    return list(
        WorkforceSnapshot.objects.filter(organisation=organisation).defer("data").order_by("-year")
    )


def snapshot_for(*, organisation: Organisation, year: int) -> WorkforceSnapshot | None:
    return WorkforceSnapshot.objects.filter(organisation=organisation, year=year).first()


def recruitment_source(*, organisation: Organisation, year: int) -> ApplicationsSnapshot | None:
    return ApplicationsSnapshot.objects.filter(organisation=organisation, year=year).first()


GENDER_KEYS = {"woman": "women", "man": "men", "other": "other", "unknown": "unknown"}


def recruitment_from_cases(
    *, organisation: Organisation, year: int
) -> dict[str, dict[str, int]] | None:
    """Applicants and hires by gender from the year's applications in LIM, or None if none.

    Withdrawn applications are not counted (the retention job deletes them at once).
    Applications deleted when retention ended are counted from what they left behind
    (RetainedTally); hired applicants are never deleted, only anonymised.
    """
    from django.db.models import Count, Q

    from lim.recruitment.models import Application, ApplicationStatus, RetainedTally

    rows = (
        Application.objects.filter(case__organisation=organisation, submitted_at__year=year)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .values("gender")
        .annotate(
            applicants=Count("id"),
            hired=Count("id", filter=Q(status=ApplicationStatus.HIRED)),
        )
    )
    counts: dict[str, dict[str, int]] = {"applicants": {}, "hired": {}}
    for row in rows:
        key = GENDER_KEYS[row["gender"]]
        counts["applicants"][key] = counts["applicants"].get(key, 0) + row["applicants"]
        counts["hired"][key] = counts["hired"].get(key, 0) + row["hired"]
    for tally in RetainedTally.objects.filter(organisation=organisation, year=year):
        key = GENDER_KEYS[tally.gender]
        counts["applicants"][key] = counts["applicants"].get(key, 0) + tally.applicants
    return counts if counts["applicants"] else None


def report_for(
    *, organisation: Organisation, year: int, audience: Literal["public", "internal"] = "public"
) -> dict[str, Any] | None:
    """The statement's figures for a year as the report's JSON form, or None without data;
    the warnings are in the active language."""
    snapshot = snapshot_for(organisation=organisation, year=year)
    if snapshot is None:
        return None
    # LIM's own cases come first; an uploaded applications file is the fallback.
    recruitment = recruitment_from_cases(organisation=organisation, year=year)
    applications = (
        recruitment_source(organisation=organisation, year=year) if recruitment is None else None
    )
    return storage.build_report_dict(
        workforce=bytes(snapshot.data),
        applications=bytes(applications.data) if applications is not None else None,
        recruitment=recruitment,
        year=year,
        organisation=organisation.name,
        audience=audience,
        min_group_size=organisation.min_group_size,
        language=get_language() or "nb",
    )


def previous_report_for(
    *, organisation: Organisation, year: int, audience: Literal["public", "internal"] = "public"
) -> dict[str, Any] | None:
    return report_for(organisation=organisation, year=year - 1, audience=audience)


def statement_for(*, organisation: Organisation, year: int) -> EqualityStatement | None:
    return (
        EqualityStatement.objects.filter(organisation=organisation, year=year)
        .prefetch_related("areas")
        .first()
    )


def statement_sections(statement: EqualityStatement | None) -> list[tuple[str, str]]:
    """Part 2 as (heading, text) pairs in the active language, for documents."""
    if statement is None:
        return []
    sections = [
        (_("Principles, procedures and standards"), statement.principles),
        (_("How we work, with the employees' representatives"), statement.how_we_work),
    ]
    by_area: dict[str, StatementAreaText] = {a.area: a for a in statement.areas.all()}
    for area in StatementArea:
        text = by_area.get(area.value)
        if text is None:
            continue
        for field, heading in AREA_STEPS:
            sections.append((f"{area.label} – {heading}", getattr(text, field)))
    return sections
