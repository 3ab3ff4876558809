"""The public applicant list (offentleglova § 25): HR decides each exemption request,
a refused applicant is told first (with a private link to withdraw), HR publishes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.portal.models import ApplicantListPublication, ExemptionDecision, PortalSubmission
from lim.portal.services.applying import _new_token
from lim.recruitment import rule_checks
from lim.recruitment.models import Application, ApplicationStatus, RecruitmentCase
from lim.recruitment.services.common import lock_case, queue_mail
from lim.rules import applicant_list as rules
from lim.rules.base import Level, Outcome

_GENDERS = {
    "woman": rules.Gender.FEMALE,
    "man": rules.Gender.MALE,
    "other": rules.Gender.OTHER,
}


def _request(submission: PortalSubmission | None) -> rules.ExemptionRequest | None:
    if submission is None or not submission.exemption_requested:
        return None
    notified = submission.exemption_notified_at
    return rules.ExemptionRequest(
        reason=submission.exemption_reason,
        decision=(
            rules.ExemptionDecision(submission.exemption_decision)
            if submission.exemption_decision
            else None
        ),
        justification=submission.exemption_justification,
        notified_on=timezone.localdate(notified) if notified else None,
    )


def list_facts(case: RecruitmentCase) -> rules.ApplicantListFacts:
    """The case's applicants as the rule sees them. An applicant registered by HR without
    a date of birth is listed and counted, without an age."""
    applications = (
        Application.objects.filter(case=case)
        .select_related("portal_submission")
        .order_by("name", "id")
    )
    applicants = []
    for application in applications:
        submission = getattr(application, "portal_submission", None)
        applicants.append(
            rules.ListApplicant(
                id=str(application.pk),
                name=application.name,
                birth_date=application.birth_date,
                position=submission.occupation if submission else "",
                municipality=application.municipality,
                gender=_GENDERS.get(application.gender, rules.Gender.UNKNOWN),
                exemption=_request(submission),
                withdrawn=application.status == ApplicationStatus.WITHDRAWN,
            )
        )
    deadline = case.ad.deadline
    assert deadline is not None
    return rules.ApplicantListFacts(deadline=deadline, applicants=tuple(applicants))


def applicant_list_check(
    case: RecruitmentCase, *, today: dt.date
) -> Outcome[rules.ApplicantListResult]:
    return rules.check_applicant_list(
        facts=list_facts(case),
        today=today,
        organisation=rule_checks.settings_for(case.organisation),
    )


@transaction.atomic
def exemption_decide(
    *,
    actor: User,
    case: RecruitmentCase,
    application: Application,
    decision: str,
    justification: str,
    link_for: Callable[[str], str],
    now: dt.datetime | None = None,
) -> PortalSubmission:
    """Decide one request with a justification. A refusal is e-mailed to the applicant
    at once, with a private link where they can withdraw before the list is published."""
    now = now or timezone.now()
    case = lock_case(case)
    if ApplicantListPublication.objects.filter(case=case).exists():
        raise DomainError(_("The list is already published."), field="decision")
    submission = (
        PortalSubmission.objects.select_for_update()
        .filter(application=application, application__case=case, exemption_requested=True)
        .first()
    )
    if submission is None:
        raise DomainError(_("This applicant has not asked to be left off the list."))
    if decision not in ExemptionDecision.values:
        raise DomainError(_("Choose whether the request is granted or refused."), field="decision")
    if not justification.strip():
        raise DomainError(
            _("Give the reason for the decision, weighed against the public interest."),
            field="justification",
        )
    submission.exemption_decision = decision
    submission.exemption_justification = justification.strip()
    submission.exemption_decided_by = actor
    submission.exemption_decided_at = now
    if decision == ExemptionDecision.REFUSED:
        token = _new_token(application, now)
        publish_from = now + dt.timedelta(days=case.organisation.applicant_list_wait_days)
        with translation.override(application.language):
            context = {
                "application": application,
                "ad": case.ad,
                "link": link_for(token),
                "publish_from": formats.date_format(
                    timezone.localtime(publish_from), "DATETIME_FORMAT"
                ),
            }
            subject = render_to_string("portal/email/refused_subject.txt", context).strip()
            body = render_to_string("portal/email/refused_body.txt", context)
        queue_mail(to=application.email, subject=subject, body=body)
        submission.exemption_notified_at = now
    else:
        submission.exemption_notified_at = None
    submission.save()
    audit_record(
        actor=actor,
        action="applicant_list.exemption_decide",
        obj=application,
        organisation=case.organisation,
        at=now,
        # Not the justification: it may tell about the applicant, and the log outlives them.
        details={"decision": decision},
    )
    return submission


def publish_allowed_from(case: RecruitmentCase) -> dt.datetime | None:
    """When the list may be published at the earliest: the organisation's waiting period
    after the last refusal of an exemption was sent, so that applicant can withdraw
    first. None when no applicant still in the case was refused."""
    last_refusal = (
        PortalSubmission.objects.filter(
            application__case=case,
            exemption_decision=ExemptionDecision.REFUSED,
            exemption_notified_at__isnull=False,
        )
        .exclude(application__status=ApplicationStatus.WITHDRAWN)
        .aggregate(last=Max("exemption_notified_at"))["last"]
    )
    if last_refusal is None:
        return None
    wait: dt.datetime = last_refusal + dt.timedelta(days=case.organisation.applicant_list_wait_days)
    return wait


def publish_waiting_until(case: RecruitmentCase, *, now: dt.datetime) -> dt.datetime | None:
    """The end of the waiting period when it has not ended at `now`, else None."""
    allowed_from = publish_allowed_from(case)
    return allowed_from if allowed_from is not None and now < allowed_from else None


@transaction.atomic
def applicant_list_publish(
    *, actor: User, case: RecruitmentCase, now: dt.datetime | None = None
) -> ApplicantListPublication:
    """Publish the list once every rule allows it; the published names are kept."""
    now = now or timezone.now()
    case = lock_case(case)
    if ApplicantListPublication.objects.filter(case=case).exists():
        raise DomainError(_("The list is already published."))
    waiting_until = publish_waiting_until(case, now=now)
    if waiting_until is not None:
        when = formats.date_format(timezone.localtime(waiting_until), "DATETIME_FORMAT")
        raise DomainError(
            _(
                "The list can be published from %(when)s. An applicant whose request to be "
                "left off the list was refused must have time to withdraw first."
            )
            % {"when": when}
        )
    facts = list_facts(case)
    outcome = rules.check_applicant_list(
        facts=facts,
        today=timezone.localdate(now),
        organisation=rule_checks.settings_for(case.organisation),
    )
    blocking = [f for f in outcome.findings if f.level is Level.BLOCK]
    if blocking:
        raise DomainError(blocking[0].message.get(rule_checks.active_language()))
    result = outcome.result.applicant_list
    publication = ApplicantListPublication.objects.create(
        case=case,
        entries=[entry.to_dict() for entry in result.entries],
        total=result.total,
        by_gender={g.value: result.by_gender.get(g, 0) for g in rules.Gender},
        exempted=result.exempted,
        # The same selection as build_applicant_list: counted, and neither exempted nor
        # waiting for a decision (publishing is blocked while any request is undecided).
        published_ids=[
            a.id for a in facts.applicants if not (a.withdrawn or a.exempted or a.pending)
        ],
        published_by=actor,
        published_at=now,
    )
    audit_record(
        actor=actor,
        action="applicant_list.publish",
        obj=case,
        at=now,
        details={"total": result.total, "listed": len(result.entries)},
    )
    return publication


def extended_list_viewed(
    *,
    actor: User | None,
    case: RecruitmentCase,
    application: Application | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record who opened the extended applicant list: a user, or an applicant through
    their private link (actor None, the application named)."""
    details = {"application": str(application.pk)} if application is not None else {}
    audit_record(
        actor=actor,
        action="applicant_list.extended_view",
        obj=case,
        organisation=case.organisation,
        at=now or timezone.now(),
        details=details,
    )
