"""Helpers shared by the recruitment services: state transitions, validation, e-mail."""

# queue_mail is re-exported: services import it from here.

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.mail import absolute_url
from lim.core.mail import queue_mail as queue_mail
from lim.core.models import User
from lim.recruitment import states
from lim.recruitment.models import Application, ApplicationStatus, CaseStep, RecruitmentCase


def clean(obj: models.Model, *, exclude: list[str] | None = None) -> None:
    """Model validation as a DomainError naming the first field that failed."""
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(messages[0], field=None if field == "__all__" else field) from exc


def lock_case(case: RecruitmentCase) -> RecruitmentCase:
    """The case re-read under a row lock, so concurrent steps cannot interleave."""
    return (
        RecruitmentCase.objects.select_for_update().select_related("organisation").get(pk=case.pk)
    )


def lock_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("case__organisation")
        .get(pk=application.pk)
    )


def require_step(case: RecruitmentCase, *steps: str) -> None:
    if case.step not in steps:
        raise DomainError(
            _("This cannot be done while the case is at the step “%(step)s”.")
            % {"step": case.get_step_display()},
            field="step",
        )


def move_case(
    *,
    actor: User | None,
    case: RecruitmentCase,
    to: str,
    now: dt.datetime,
    details: dict[str, Any] | None = None,
) -> None:
    """Change the case's step if states.py allows it, with an audit event."""
    if case.step == to:
        return
    if not states.can_move_case(case.step, to):
        raise DomainError(
            _("A case cannot go from “%(old)s” to “%(new)s”.")
            % {"old": case.get_step_display(), "new": CaseStep(to).label},
            field="step",
        )
    old = case.step
    case.step = to
    case.updated_at = now
    if to in (CaseStep.CLOSED, CaseStep.CANCELLED):
        case.closed_at = now
    case.save(update_fields=["step", "updated_at", "closed_at"])
    audit_record(
        actor=actor,
        action="case.step",
        obj=case,
        at=now,
        details={"step": {"old": old, "new": to}, **(details or {})},
    )


def move_application(
    *,
    actor: User | None,
    application: Application,
    to: str,
    now: dt.datetime,
    rejection_reason: str = "",
    audit: bool = True,
) -> bool:
    """Change the status if states.py allows it; False when it already had it."""
    if application.status == to:
        return False
    if not states.can_move_application(application.status, to):
        raise DomainError(
            _("An application cannot go from “%(old)s” to “%(new)s”.")
            % {"old": application.get_status_display(), "new": ApplicationStatus(to).label},
            field="status",
        )
    old = application.status
    application.status = to
    application.status_changed_at = now
    application.rejection_reason = rejection_reason if to == ApplicationStatus.REJECTED else ""
    application.save(update_fields=["status", "status_changed_at", "rejection_reason"])
    if audit:
        audit_record(
            actor=actor,
            action="application.status",
            obj=application,
            organisation=application.case.organisation,
            at=now,
            details={
                "status": {"old": old, "new": to},
                **({"rejection_reason": rejection_reason} if rejection_reason else {}),
            },
        )
    return True


def now_or_default(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else timezone.now()


def case_path(case_id: uuid.UUID) -> str:
    """The case page's full address, for links in e-mails."""
    from django.urls import reverse

    return absolute_url(reverse("recruitment:case_detail", kwargs={"case_id": case_id}))
