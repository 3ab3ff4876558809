"""Retention (RULES.md, the RETENTION rule): applications are deleted when the
organisation's retention period after the case closed has run out, withdrawn ones at
once. A hired applicant's application stays as far as the hire record needs it: the
personal details, documents, declaration and selection notes are removed. What goes and
how is declared per model in lim.core.personal_data; when only the anonymised hire is
left, the case's own records with names in them (the public applicant list, the
recommendation's texts, union remarks, the archive package) go as well. The counts by
gender survive the deletion in RetainedTally, so the equality statement's recruitment
figures do not change."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from lim.core.audit import audit_record
from lim.core.models import Organisation
from lim.core.personal_data import purge_applications, purge_case_records
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    Interview,
    RecruitmentCase,
    RetainedTally,
)
from lim.recruitment.services.common import lock_case, now_or_default
from lim.rules.retention import RetentionFacts, RetentionParameters, check_retention

INTERVIEWED = (
    ApplicationStatus.INTERVIEWED,
    ApplicationStatus.RECOMMENDED,
    ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED,
)


@dataclass(frozen=True)
class RetentionSummary:
    cases: int  # cases where something was deleted or anonymised
    deleted: int
    anonymised: int


def _parameters(organisation: Organisation) -> RetentionParameters:
    return RetentionParameters(
        not_interviewed_days=organisation.retention_days_not_interviewed,
        interviewed_or_hired_days=organisation.retention_days_interviewed,
    )


def _facts(application: Application, case: RecruitmentCase, *, invited: bool) -> RetentionFacts:
    withdrawn = application.status == ApplicationStatus.WITHDRAWN
    return RetentionFacts(
        case_closed=timezone.localdate(case.closed_at) if case.closed_at else None,
        # Invited counts as interviewed: the longer period is the safe side.
        interviewed=application.status in INTERVIEWED or invited,
        hired=hasattr(application, "hire"),
        withdrawn_on=timezone.localdate(application.status_changed_at) if withdrawn else None,
    )


def due_applications(case: RecruitmentCase, *, today: dt.date) -> list[Application]:
    """The case's applications whose retention has ended (not those already anonymised)."""
    parameters = _parameters(case.organisation)
    applications = (
        case.applications.filter(anonymised_at__isnull=True)
        .select_related("hire")
        .annotate(invited=Exists(Interview.objects.filter(application=OuterRef("pk"))))
    )
    return [
        application
        for application in applications
        if check_retention(
            facts=_facts(application, case, invited=application.invited),
            today=today,
            parameters=parameters,
        ).result.due
    ]


def _tally(organisation: Organisation, applications: list[Application]) -> None:
    counts = Counter(
        (timezone.localtime(a.submitted_at).year, a.gender)
        for a in applications
        if a.status != ApplicationStatus.WITHDRAWN
    )
    for (year, gender), number in counts.items():
        tally, _created = RetainedTally.objects.select_for_update().get_or_create(
            organisation=organisation, year=year, gender=gender
        )
        RetainedTally.objects.filter(pk=tally.pk).update(applicants=F("applicants") + number)


@transaction.atomic
def retention_apply_case(
    *, case: RecruitmentCase, today: dt.date, now: dt.datetime | None = None
) -> tuple[int, int]:
    """Delete (or, for the hired, anonymise) the case's applications whose retention has
    ended. Returns (deleted, anonymised); writes one audit event when anything changed."""
    now = now_or_default(now)
    case = lock_case(case)
    due = due_applications(case, today=today)
    hired = [a for a in due if hasattr(a, "hire")]
    deleted = [a for a in due if not hasattr(a, "hire")]
    _tally(case.organisation, deleted)
    if due:
        # The registry knows every app's rows about applicants (lim.core.personal_data).
        purge_applications(
            Application.objects.filter(pk__in=[a.pk for a in due]), keep=[a.pk for a in hired]
        )
        Application.objects.filter(pk__in=[a.pk for a in hired]).update(anonymised_at=now)
        closed = case.closed_at is not None
        if closed and not case.applications.filter(anonymised_at__isnull=True).exists():
            purge_case_records(case)  # the public list, texts and the archive package
        audit_record(
            actor=None,
            action="retention.apply",
            obj=case,
            at=now,
            details={"deleted": len(deleted), "anonymised": len(hired), "today": str(today)},
        )
    return len(deleted), len(hired)


def cases_with_retention() -> QuerySet[RecruitmentCase]:
    """The cases where retention can end for someone: closed, or with a withdrawal."""
    return (
        RecruitmentCase.objects.filter(
            Q(closed_at__isnull=False) | Q(applications__status=ApplicationStatus.WITHDRAWN)
        )
        .distinct()
        .select_related("organisation")
        .order_by("created_at", "id")
    )


def retention_apply(*, today: dt.date, now: dt.datetime | None = None) -> RetentionSummary:
    """Every organisation's cases, one transaction per case."""
    touched = deleted = anonymised = 0
    for case in cases_with_retention():
        gone, kept = retention_apply_case(case=case, today=today, now=now)
        touched += bool(gone or kept)
        deleted += gone
        anonymised += kept
    return RetentionSummary(cases=touched, deleted=deleted, anonymised=anonymised)
