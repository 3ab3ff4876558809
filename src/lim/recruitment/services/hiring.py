"""Offer, hire, replies to the other applicants and closing the case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    CaseStep,
    Decision,
    Hire,
    JobAnalysis,
    Offer,
    OfferResponse,
    RecruitmentCase,
    RejectionReason,
    TargetGroupDeclaration,
)
from lim.recruitment.services.common import (
    lock_case,
    move_application,
    move_case,
    now_or_default,
    queue_mail,
    require_step,
)
from lim.recruitment.states import Status
from lim.recruitment.tasks import make_archive_package

# Why an application still open at closing did not succeed, from how far it came.
_CLOSING_REASON: dict[str, str] = {
    Status.NEW: RejectionReason.NOT_SHORTLISTED,
    Status.UNDER_ASSESSMENT: RejectionReason.NOT_SHORTLISTED,
    Status.QUALIFIED: RejectionReason.NOT_SHORTLISTED,
    Status.NOT_QUALIFIED: RejectionReason.NOT_QUALIFIED,
    Status.INVITED: RejectionReason.NOT_RANKED,
    Status.INTERVIEWED: RejectionReason.NOT_RANKED,
    Status.RECOMMENDED: RejectionReason.POSITION_FILLED,
    Status.OFFERED: RejectionReason.POSITION_FILLED,
}


def _reply_text(application: Application, case: RecruitmentCase, reason: str) -> tuple[str, str]:
    """Subject and body of the reply, in the applicant's language."""
    values = {
        "name": application.name,
        "title": case.title,
        "organisation": case.organisation.name,
    }
    with translation.override(application.language):
        subject = gettext("Your application for %(title)s") % values
        if reason == RejectionReason.CASE_CANCELLED:
            text = gettext(
                "Dear %(name)s,\n\nThank you for applying for the position %(title)s at "
                "%(organisation)s. The recruitment has been cancelled, so no one will be "
                "hired this time.\n\nBest regards,\n%(organisation)s"
            )
        elif reason == RejectionReason.NOT_QUALIFIED:
            text = gettext(
                "Dear %(name)s,\n\nThank you for applying for the position %(title)s at "
                "%(organisation)s. We have assessed your application against the "
                "requirements in the ad, and unfortunately you do not meet all of them.\n\n"
                "Best regards,\n%(organisation)s"
            )
        elif reason in (RejectionReason.NOT_RANKED, RejectionReason.POSITION_FILLED):
            text = gettext(
                "Dear %(name)s,\n\nThank you for applying for the position %(title)s at "
                "%(organisation)s, and for the time you gave us in the interview. The "
                "position has now been filled by another applicant.\n\nBest regards,\n"
                "%(organisation)s"
            )
        else:
            text = gettext(
                "Dear %(name)s,\n\nThank you for applying for the position %(title)s at "
                "%(organisation)s. We received many good applications, and the position has "
                "now been filled by another applicant.\n\nBest regards,\n%(organisation)s"
            )
        return subject, text % values


def send_replies(
    *,
    case: RecruitmentCase,
    applications: Sequence[Application],
    now: dt.datetime,
    reason: str | None = None,
) -> int:
    """Queue the templated reply to each application not yet answered. Inside a service's
    transaction: the mails leave when it commits."""
    sent = 0
    for application in applications:
        if application.replied_at is not None:
            continue
        subject, body = _reply_text(application, case, reason or application.rejection_reason or "")
        queue_mail(to=application.email, subject=subject, body=body)
        application.replied_at = now
        application.save(update_fields=["replied_at"])
        sent += 1
    return sent


def _latest_decision(case: RecruitmentCase) -> Decision:
    decision = Decision.objects.filter(case=case).order_by("-number").first()
    if decision is None:
        raise DomainError(_("No decision has been made."), field="decision")
    return decision


@transaction.atomic
def offer_make(
    *,
    actor: User,
    case: RecruitmentCase,
    terms: str,
    now: dt.datetime | None = None,
) -> Offer:
    """Offer the job to the candidate of the latest decision."""
    now = now_or_default(now)
    case = lock_case(case)
    require_step(case, CaseStep.DECISION)
    if not terms.strip():
        raise DomainError(_("Write the terms of the offer."), field="terms")
    application = Application.objects.select_for_update().get(pk=_latest_decision(case).chosen_id)
    if Offer.objects.filter(application=application).exists():
        raise DomainError(_("This candidate has already had an offer."), field="chosen")
    move_application(actor=actor, application=application, to=ApplicationStatus.OFFERED, now=now)
    offer = Offer.objects.create(
        application=application, terms=terms.strip(), made_by=actor, sent_at=now
    )
    audit_record(
        actor=actor,
        action="offer.make",
        obj=case,
        at=now,
        details={"application": str(application.id), "offer": str(offer.id)},
    )
    move_case(actor=actor, case=case, to=CaseStep.OFFER, now=now)
    return offer


@transaction.atomic
def offer_respond(
    *, actor: User | None, offer: Offer, accepted: bool, now: dt.datetime | None = None
) -> Offer:
    """Record the candidate's answer. A declined offer takes the case back to the decision."""
    now = now_or_default(now)
    case = lock_case(offer.application.case)
    offer = Offer.objects.select_for_update().select_related("application").get(pk=offer.pk)
    require_step(case, CaseStep.OFFER)
    if offer.response != OfferResponse.PENDING:
        raise DomainError(_("The offer has already been answered."), field="response")
    offer.response = OfferResponse.ACCEPTED if accepted else OfferResponse.DECLINED
    offer.responded_at = now
    offer.save(update_fields=["response", "responded_at"])
    audit_record(
        actor=actor,
        action="offer.respond",
        obj=case,
        at=now,
        details={"offer": str(offer.id), "response": offer.response},
    )
    if not accepted:
        move_application(
            actor=actor, application=offer.application, to=ApplicationStatus.WITHDRAWN, now=now
        )
        move_case(actor=actor, case=case, to=CaseStep.DECISION, now=now)
    return offer


@transaction.atomic
def hire_record(
    *,
    actor: User,
    offer: Offer,
    start_date: dt.date,
    end_date: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Hire:
    """Record the hire for the inclusion figures. Target-group status is copied from the
    declaration only when the applicant consented to its use for statistics."""
    now = now_or_default(now)
    case = lock_case(offer.application.case)
    require_step(case, CaseStep.OFFER)
    offer = Offer.objects.select_related("application").get(pk=offer.pk)
    if offer.response != OfferResponse.ACCEPTED:
        raise DomainError(_("The offer has not been accepted."), field="offer")
    analysis = JobAnalysis.objects.filter(case=case).first()
    if analysis is None:
        raise DomainError(_("Write the job analysis first."), field="job_analysis")
    if end_date is None and analysis.temporary_end is not None:
        end_date = analysis.temporary_end
    if end_date is not None and end_date < start_date:
        raise DomainError(_("The end date is before the start date."), field="end_date")
    declaration = TargetGroupDeclaration.objects.filter(application=offer.application).first()
    consent = declaration is not None and declaration.consent_statistics
    hire = Hire.objects.create(
        case=case,
        application=offer.application,
        route=case.route,
        employment_form=analysis.employment_form,
        temporary_basis=analysis.temporary_basis,
        fte_percent=analysis.fte_percent,
        start_date=start_date,
        end_date=end_date,
        target_group_disability=declaration.disability if consent and declaration else None,
        target_group_cv_gap=declaration.cv_gap if consent and declaration else None,
        target_group_route=rule_checks.is_target_group_route(case.route),
        recorded_by=actor,
        recorded_at=now,
    )
    move_application(
        actor=actor, application=offer.application, to=ApplicationStatus.HIRED, now=now
    )
    audit_record(
        actor=actor,
        action="hire.record",
        obj=case,
        at=now,
        details={
            "hire": str(hire.id),
            "route": hire.route,
            "employment_form": hire.employment_form,
            "fte_percent": hire.fte_percent,
            "start_date": start_date.isoformat(),
            "target_group_known": consent,
        },
    )
    move_case(actor=actor, case=case, to=CaseStep.ONBOARDING, now=now)
    # The case is decided: its records go to the archive as one PDF/A package, made by
    # the worker (queued in this transaction, so only a committed hire is archived).
    make_archive_package.enqueue(str(case.id))
    return hire


@transaction.atomic
def case_close(
    *, actor: User, case: RecruitmentCase, now: dt.datetime | None = None
) -> RecruitmentCase:
    """Close the case: every other applicant is rejected with the reason that fits how far
    they came, and gets the reply in their own language (sent when the change commits)."""
    now = now_or_default(now)
    case = lock_case(case)
    require_step(case, CaseStep.ONBOARDING)
    for application in case.applications.select_for_update().filter(
        status__in=list(_CLOSING_REASON)
    ):
        move_application(
            actor=actor,
            application=application,
            to=ApplicationStatus.REJECTED,
            now=now,
            rejection_reason=_CLOSING_REASON[application.status],
        )
    rejected = list(
        case.applications.filter(status=ApplicationStatus.REJECTED, replied_at__isnull=True)
    )
    sent = send_replies(case=case, applications=rejected, now=now)
    move_case(actor=actor, case=case, to=CaseStep.CLOSED, now=now, details={"replies": sent})
    return case
