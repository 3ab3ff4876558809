"""Receiving applications (career site, HR, NAV), declarations, withdrawal, rejection."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    Gender,
    RecruitmentCase,
    RejectionReason,
    TargetGroupDeclaration,
)
from lim.recruitment.services.common import clean, lock_case, move_application, now_or_default
from lim.recruitment.states import RECEIVING_STEPS, Status


@dataclass(frozen=True)
class AbsencePeriod:
    """A period outside work, education or training, as the applicant gives it."""

    start: dt.date
    end: dt.date
    cause: str  # illness, substance_abuse, imprisonment, job_seeking, other


@dataclass(frozen=True)
class DeclarationInput:
    disability: bool = False
    # With periods the CV-gap result is computed (TG-CVGAP); without, `cv_gap` is taken as
    # declared (for example registered by HR from a paper form).
    cv_gap: bool = False
    cv_gap_periods: Sequence[AbsencePeriod] = ()
    # {"kind": "none" | "permanent" | "temporary", "start": date | None, "end": date | None}
    current_employment: dict[str, Any] = field(default_factory=dict)
    immigrant_background: bool = False
    consent_statistics: bool = False


def _periods_json(periods: Sequence[AbsencePeriod]) -> list[dict[str, str]]:
    return [
        {"start": p.start.isoformat(), "end": p.end.isoformat(), "cause": p.cause} for p in periods
    ]


def _employment_json(employment: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in employment.items()
    }


def _write_declaration(
    *,
    application: Application,
    declaration: DeclarationInput,
    today: dt.date,
    now: dt.datetime,
) -> TargetGroupDeclaration:
    cv_gap: bool = declaration.cv_gap
    cv_gap_result: dict[str, Any] = {}
    if declaration.cv_gap_periods:
        cv_gap, cv_gap_result = rule_checks.evaluate_cv_gap(
            organisation=application.case.organisation,
            application_date=today,
            periods=declaration.cv_gap_periods,
            current_employment=declaration.current_employment,
        )
    record, _made = TargetGroupDeclaration.objects.update_or_create(
        application=application,
        defaults={
            "disability": declaration.disability,
            "cv_gap": cv_gap,
            "cv_gap_periods": _periods_json(declaration.cv_gap_periods),
            "current_employment": _employment_json(declaration.current_employment),
            "cv_gap_result": cv_gap_result,
            "immigrant_background": declaration.immigrant_background,
            "consent_statistics": declaration.consent_statistics,
            "declared_at": now,
        },
    )
    return record


@transaction.atomic
def application_create(
    *,
    actor: User | None,
    case: RecruitmentCase,
    name: str,
    email: str,
    source: str = ApplicationSource.PORTAL,
    phone: str = "",
    birth_date: dt.date | None = None,
    address: str = "",
    municipality: str = "",
    gender: str = Gender.UNKNOWN,
    language: str = "nb",
    nav_contact: str = "",
    education: str = "",
    experience: str = "",
    cover_letter: str = "",
    answers: Sequence[Mapping[str, str]] = (),
    declaration: DeclarationInput | None = None,
    now: dt.datetime | None = None,
) -> Application:
    """Receive an application. `actor` is None when the applicant sends it themselves.

    A second active application with the same e-mail address to the same case is refused.
    """
    now = now_or_default(now)
    case = lock_case(case)  # serialises the duplicate check
    if case.step not in RECEIVING_STEPS:
        raise DomainError(_("This case does not receive applications now."), field="step")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from None
    if source not in ApplicationSource.values:
        raise DomainError(_("Unknown source."), field="source")
    if source == ApplicationSource.NAV and not nav_contact.strip():
        raise DomainError(_("Name the contact at NAV."), field="nav_contact")
    duplicate = (
        case.applications.filter(email=email)
        .exclude(status__in=[ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED])
        .exists()
    )
    if duplicate:
        raise DomainError(
            _("An application with this e-mail address has already been received for this case."),
            field="email",
        )
    application = Application(
        case=case,
        name=name.strip(),
        email=email,
        phone=phone.strip(),
        birth_date=birth_date,
        address=address.strip(),
        municipality=municipality.strip(),
        gender=gender,
        language=language,
        source=source,
        nav_contact=nav_contact.strip() if source == ApplicationSource.NAV else "",
        education=education.strip(),
        experience=experience.strip(),
        cover_letter=cover_letter.strip(),
        answers=[{"question": a["question"], "answer": a["answer"]} for a in answers],
        status=ApplicationStatus.NEW,
        submitted_at=now,
        status_changed_at=now,
    )
    clean(application, exclude=["case"])
    application.save()
    if declaration is not None:
        _write_declaration(
            application=application, declaration=declaration, today=timezone.localdate(now), now=now
        )
    # The audit log names the source, never the declaration's content.
    audit_record(
        actor=actor,
        action="application.create",
        obj=application,
        organisation=case.organisation,
        at=now,
        details={"case": str(case.id), "source": source, "declared": declaration is not None},
    )
    return application


@transaction.atomic
def declaration_save(
    *,
    actor: User | None,
    application: Application,
    declaration: DeclarationInput,
    now: dt.datetime | None = None,
) -> TargetGroupDeclaration:
    """Add or change the applicant's declaration (the applicant through the portal, or HR)."""
    now = now_or_default(now)
    lock_case(application.case)
    if application.status not in {Status.NEW, Status.UNDER_ASSESSMENT}:
        raise DomainError(
            _("The declaration can only change before the application is assessed."),
            field="declaration",
        )
    record = _write_declaration(
        application=application, declaration=declaration, today=timezone.localdate(now), now=now
    )
    audit_record(
        actor=actor,
        action="declaration.save",
        obj=application,
        organisation=application.case.organisation,
        at=now,
    )
    return record


@transaction.atomic
def application_withdraw(
    *, actor: User | None, application: Application, now: dt.datetime | None = None
) -> Application:
    """The applicant withdraws (`actor` None when they do it through their private link)."""
    now = now_or_default(now)
    lock_case(application.case)
    application = (
        Application.objects.select_for_update()
        .select_related("case__organisation")
        .get(pk=application.pk)
    )
    if application.status in (ApplicationStatus.WITHDRAWN, ApplicationStatus.HIRED):
        raise DomainError(_("This application can no longer be withdrawn."), field="status")
    move_application(actor=actor, application=application, to=ApplicationStatus.WITHDRAWN, now=now)
    return application


@transaction.atomic
def application_reject(
    *,
    actor: User,
    application: Application,
    reason: str,
    now: dt.datetime | None = None,
) -> Application:
    """Reject one application with a reason; the reply goes out when the case closes."""
    now = now_or_default(now)
    lock_case(application.case)
    if reason not in RejectionReason.values:
        raise DomainError(_("Choose a reason for the rejection."), field="rejection_reason")
    move_application(
        actor=actor,
        application=application,
        to=ApplicationStatus.REJECTED,
        now=now,
        rejection_reason=reason,
    )
    return application


@transaction.atomic
def application_start_assessment(
    *, actor: User, applications: Sequence[Application], now: dt.datetime | None = None
) -> int:
    """Mark new applications as under assessment (a bulk action of the screening list)."""
    now = now_or_default(now)
    moved = 0
    for application in applications:
        if application.status == ApplicationStatus.NEW:
            moved += move_application(
                actor=actor,
                application=application,
                to=ApplicationStatus.UNDER_ASSESSMENT,
                now=now,
            )
    return moved
