"""Read queries for recruitment. Declarations are read only through declaration_for_user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext

from lim.core.access import AnyUser, unit_ids_for_user
from lim.core.audit import audit_record
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.access import (
    CASE_ROLES,
    DeclarationScope,
    declaration_scope,
    may_see_immigrant_background,
)
from lim.recruitment.ics import calendar_event
from lim.recruitment.models import (
    Application,
    Interview,
    InterviewScore,
    Notification,
    RecruitmentCase,
    TargetGroupDeclaration,
)


def cases_for_user(*, user: AnyUser, step: str = "") -> QuerySet[RecruitmentCase]:
    """Cases in the units where the user holds a recruitment role, and their own cases."""
    if not user.is_authenticated or not user.is_active:
        return RecruitmentCase.objects.none()
    units = unit_ids_for_user(user, CASE_ROLES)
    cases = RecruitmentCase.objects.filter(Q(unit_id__in=units) | Q(hiring_manager_id=user.pk))
    if step:
        cases = cases.filter(step=step)
    return (
        cases.select_related("unit", "hiring_manager")
        .annotate(application_count=Count("applications"))
        .order_by("-created_at")
    )


def applications_for_case(
    *, case: RecruitmentCase, status: str = "", source: str = ""
) -> QuerySet[Application]:
    """The screening list: no declaration data is joined here."""
    applications = case.applications.all()
    if status:
        applications = applications.filter(status=status)
    if source:
        applications = applications.filter(source=source)
    return applications.order_by("submitted_at", "id")


@dataclass(frozen=True)
class DeclarationView:
    """What the user may see of one applicant's declaration. Fields outside the user's
    scope are None; `declared` says whether the applicant gave a declaration at all."""

    scope: DeclarationScope
    declared: bool
    disability: bool | None
    cv_gap: bool | None
    immigrant_background: bool | None = None
    consent_statistics: bool | None = None
    cv_gap_periods: list[dict[str, Any]] | None = None
    cv_gap_result: dict[str, Any] | None = None


def declaration_for_user(*, user: User, application: Application) -> DeclarationView:
    """The declaration as the user may see it; every read and refusal is audited.

    Raises PermissionDenied for a role that does not need it (GDPR art. 9).
    """
    case = application.case
    scope = declaration_scope(user, case)
    if scope is None:
        audit_record(
            actor=user,
            action="declaration.refused",
            obj=application,
            organisation=case.organisation,
        )
        raise PermissionDenied
    record = TargetGroupDeclaration.objects.filter(application=application).first()
    # Immigrant background (ethnic origin) only for the roles that act on it.
    origin_shown = scope == "full" and may_see_immigrant_background(user, case)
    audit_record(
        actor=user,
        action="declaration.view",
        obj=application,
        organisation=case.organisation,
        details={"scope": scope, **({"immigrant_background": True} if origin_shown else {})},
    )
    if record is None:
        return DeclarationView(scope=scope, declared=False, disability=False, cv_gap=False)
    if scope == "existence":
        return DeclarationView(
            scope=scope, declared=True, disability=record.disability, cv_gap=record.cv_gap
        )
    return DeclarationView(
        scope=scope,
        declared=True,
        disability=record.disability,
        cv_gap=record.cv_gap,
        immigrant_background=record.immigrant_background if origin_shown else None,
        consent_statistics=record.consent_statistics,
        cv_gap_periods=list(record.cv_gap_periods),
        cv_gap_result=dict(record.cv_gap_result),
    )


def target_group_counts_for_user(*, user: AnyUser, case: RecruitmentCase) -> dict[str, Any] | None:
    """The SEL-REC-COUNTS figures for those who may see declarations; None for the rest.

    Union representatives get the disability and CV-gap groups only, as with single
    declarations.
    """
    scope = declaration_scope(user, case)
    if scope is None:
        return None
    counts = rule_checks.target_group_counts(case)
    if scope == "existence":
        return {key: counts[key] for key in ("disability", "cv_gap") if key in counts}
    return counts


def notifications_for_user(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    notifications = Notification.objects.filter(recipient=user).select_related("case")
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at")


def interview_scores(*, interview: Interview) -> list[dict[str, Any]]:
    """Average score per criterion of the guide, with how many interviewers scored it."""
    rows = (
        InterviewScore.objects.filter(interview=interview)
        .values("criterion_id", "criterion__text", "criterion__order")
        .annotate(average=Avg("score"), interviewers=Count("interviewer", distinct=True))
        .order_by("criterion__order")
    )
    return [
        {
            "criterion": row["criterion__text"],
            "average": round(float(row["average"]), 1),
            "interviewers": row["interviewers"],
        }
        for row in rows
    ]


def interview_calendar(*, interview: Interview, language: str, stamp: datetime) -> str:
    """The .ics invitation. The summary names the position, never the applicant."""
    case = interview.application.case
    with translation.override(language):
        summary = gettext("Interview: %(title)s") % {"title": case.title}
        description = gettext("Interview for the position %(title)s at %(organisation)s.") % {
            "title": case.title,
            "organisation": case.organisation.name,
        }
    return calendar_event(
        uid=f"{interview.id}@lim",
        starts_at=interview.starts_at,
        ends_at=interview.ends_at,
        summary=summary,
        stamp=stamp,
        location=interview.place or interview.video_link,
        description=description,
        url=interview.video_link,
    )
