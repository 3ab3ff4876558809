"""Opening a case, the NAV checkpoint, notifications and cancelling."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import Role, RoleAssignment, Unit, User
from lim.recruitment import rule_checks
from lim.recruitment.models import (
    ApplicationStatus,
    CanFill,
    CaseReason,
    CaseStep,
    HiringRoute,
    NavCheckpoint,
    Notification,
    NotificationKind,
    RecruitmentCase,
    RejectionReason,
)
from lim.recruitment.services.common import (
    case_path,
    clean,
    lock_case,
    move_application,
    move_case,
    now_or_default,
    queue_mail,
)
from lim.recruitment.states import ACTIVE_STATUSES, OPEN_STEPS


def _units_up(unit: Unit) -> list[Unit]:
    """The unit and every unit above it."""
    parents = {u.id: u for u in Unit.objects.filter(organisation_id=unit.organisation_id)}
    chain: list[Unit] = []
    current: Unit | None = parents.get(unit.id, unit)
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current.parent_id) if current.parent_id else None
    return chain


def role_holders(unit: Unit, role: str) -> list[User]:
    """Active users holding the role in the unit or a unit above it."""
    ids = RoleAssignment.objects.filter(
        unit__in=_units_up(unit), role=role, user__is_active=True
    ).values_list("user_id", flat=True)
    return list(User.objects.filter(id__in=set(ids)).order_by("email"))


def inclusion_coordinators(unit: Unit) -> list[User]:
    """Users holding the inclusion-coordinator role in the unit or a unit above it."""
    return role_holders(unit, Role.INCLUSION_COORDINATOR)


def notify_exemption_request(case: RecruitmentCase, *, now: dt.datetime) -> None:
    """Tell the unit's HR advisers that an applicant asks to be left off the public
    applicant list, so it is decided before the list is published. One notification per
    adviser and case, made unread again by each new request; the e-mail names no one."""
    for user in role_holders(case.unit, Role.HR_ADVISER):
        Notification.objects.update_or_create(
            recipient=user,
            case=case,
            kind=NotificationKind.EXEMPTION_REQUEST,
            defaults={"created_at": now, "read_at": None},
        )
        with translation.override(user.language):
            subject = gettext("Request to be left off the applicant list: %(title)s") % {
                "title": case.title
            }
            body = gettext(
                "An applicant for %(title)s asks to be left off the public applicant list. "
                "Decide the request, with a justification, before the list is published.\n\n"
                "Open the case in LIM: %(path)s"
            ) % {"title": case.title, "path": case_path(case.id)}
        queue_mail(to=user.email, subject=subject, body=body)


def _notify_new_case(case: RecruitmentCase, now: dt.datetime) -> list[Notification]:
    notifications = []
    for user in inclusion_coordinators(case.unit):
        notification, _made = Notification.objects.get_or_create(
            recipient=user,
            case=case,
            kind=NotificationKind.NEW_CASE,
            defaults={"created_at": now},
        )
        notifications.append(notification)
        # Only the title and a link: personal data stays in LIM.
        with translation.override(user.language):
            subject = gettext("New recruitment need: %(title)s") % {"title": case.title}
            body = gettext(
                "A new recruitment case has been opened in %(unit)s: %(title)s.\n\n"
                "Please record the NAV checkpoint: can a person with a disability or a gap "
                "in the CV fill this need, and should NAV be asked for candidates?\n\n"
                "Open the case in LIM: %(path)s"
            ) % {"unit": case.unit.name, "title": case.title, "path": case_path(case.id)}
        queue_mail(to=user.email, subject=subject, body=body)
    return notifications


@transaction.atomic
def case_open(
    *,
    actor: User,
    unit: Unit,
    title: str,
    reason: str,
    desired_start: dt.date | None = None,
    hiring_manager: User | None = None,
    now: dt.datetime | None = None,
) -> RecruitmentCase:
    """A manager opens a case; the unit's inclusion coordinators are told (in LIM and by mail)."""
    now = now_or_default(now)
    case = RecruitmentCase(
        organisation_id=unit.organisation_id,
        unit=unit,
        title=title.strip(),
        reason=reason,
        desired_start=desired_start,
        created_by=actor,
        hiring_manager=hiring_manager or actor,
        step=CaseStep.NEED,
        route=HiringRoute.ORDINARY,
        created_at=now,
        updated_at=now,
    )
    if reason not in CaseReason.values:
        raise DomainError(_("Choose a reason for the need."), field="reason")
    clean(case)
    case.save()
    notified = _notify_new_case(case, now)
    audit_record(
        actor=actor,
        action="case.open",
        obj=case,
        at=now,
        details={
            "title": case.title,
            "reason": reason,
            "unit": str(unit.id),
            "hiring_manager": str(case.hiring_manager_id),
            "notified": len(notified),
        },
    )
    return case


@transaction.atomic
def nav_checkpoint_record(
    *,
    actor: User,
    case: RecruitmentCase,
    can_target_group_fill: str,
    ask_nav: bool,
    reason: str,
    route: str,
    now: dt.datetime | None = None,
    advice: list[rule_checks.FindingView] | None = None,
) -> NavCheckpoint:
    """Record (or revise, before the ad is out) the NAV checkpoint and the route.

    The route is checked by the ROUTE rule; a block stops the change, the rule's other
    findings are added to `advice` for the page to show.
    """
    now = now_or_default(now)
    case = lock_case(case)
    if case.step not in (CaseStep.NEED, CaseStep.JOB_ANALYSIS, CaseStep.AD):
        raise DomainError(
            _("The NAV checkpoint can only be changed before the ad is published."), field="step"
        )
    if can_target_group_fill not in CanFill.values:
        raise DomainError(_("Answer whether the target groups can fill the need."), field="can")
    if route not in HiringRoute.values:
        raise DomainError(_("Choose a hiring route."), field="route")
    if not reason.strip():
        raise DomainError(_("Say why NAV is or is not asked for candidates."), field="reason")
    found = rule_checks.check_route(case=case, route=route, today=timezone.localdate(now))
    if advice is not None:
        advice.extend(found)
    previous = NavCheckpoint.objects.filter(case=case).first()
    before = (
        {
            "can_target_group_fill": previous.can_target_group_fill,
            "ask_nav": previous.ask_nav,
            "route": previous.route,
        }
        if previous
        else {}
    )
    checkpoint, _made = NavCheckpoint.objects.update_or_create(
        case=case,
        defaults={
            "can_target_group_fill": can_target_group_fill,
            "ask_nav": ask_nav,
            "reason": reason.strip(),
            "route": route,
            "recorded_by": actor,
            "recorded_at": now,
        },
    )
    case.route = route
    case.updated_at = now
    case.save(update_fields=["route", "updated_at"])
    after = {"can_target_group_fill": can_target_group_fill, "ask_nav": ask_nav, "route": route}
    audit_record(
        actor=actor,
        action="case.nav_checkpoint",
        obj=case,
        at=now,
        details={
            key: {"old": before.get(key), "new": value}
            for key, value in after.items()
            if before.get(key) != value
        },
    )
    return checkpoint


@transaction.atomic
def notification_mark_read(
    *, user: User, notification: Notification, now: dt.datetime | None = None
) -> Notification:
    if notification.recipient_id != user.pk:
        raise DomainError(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = now_or_default(now)
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def case_cancel(
    *, actor: User, case: RecruitmentCase, reason: str, now: dt.datetime | None = None
) -> RecruitmentCase:
    """Stop the recruitment; every active applicant is told, in their own language."""
    from lim.recruitment.services.hiring import send_replies

    now = now_or_default(now)
    case = lock_case(case)
    if case.step not in OPEN_STEPS:
        raise DomainError(_("The case is already finished."), field="step")
    if not reason.strip():
        raise DomainError(_("Say why the recruitment is cancelled."), field="reason")
    others = list(case.applications.filter(status__in=list(ACTIVE_STATUSES)))
    for application in others:
        move_application(
            actor=actor,
            application=application,
            to=ApplicationStatus.REJECTED,
            now=now,
            rejection_reason=RejectionReason.CASE_CANCELLED,
        )
    send_replies(case=case, applications=others, now=now, reason=RejectionReason.CASE_CANCELLED)
    case.cancel_reason = reason.strip()
    case.save(update_fields=["cancel_reason"])
    move_case(actor=actor, case=case, to=CaseStep.CANCELLED, now=now, details={"reason": reason})
    return case
