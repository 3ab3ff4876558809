"""HR's page for the public applicant list of one case: decide each exemption request,
then publish."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lim.core.errors import DomainError
from lim.portal import selectors
from lim.portal.models import ApplicantListPublication, ExemptionDecision, PortalSubmission
from lim.portal.services import applicant_list as service
from lim.recruitment import rule_checks
from lim.recruitment.access import get_case_for_user
from lim.recruitment.blind import redact_name
from lim.recruitment.identity import identity_for
from lim.recruitment.models import JobAd


def _page(request: HttpRequest, case_id: uuid.UUID, status: int = 200) -> HttpResponse:
    case = get_case_for_user(request.user, case_id, need="write")
    if not JobAd.objects.filter(case=case, published_at__isnull=False).exists():
        raise Http404
    requests = PortalSubmission.objects.filter(
        application__case=case, exemption_requested=True
    ).select_related("application")
    outcome = service.applicant_list_check(case, today=timezone.localdate())
    waiting_until = service.publish_waiting_until(case, now=timezone.now())
    lang = rule_checks.active_language()
    # HR advisers run the list and see the names; while blind screening is in force the
    # hiring manager, who assesses the applicants, sees codes and counts only.
    identity = identity_for(request.user, case, purpose="public_list")
    findings = [f.message.get(lang) for f in outcome.findings]
    if identity.hidden:
        for application in case.applications.only("id", "name"):
            label = identity.label(application)
            findings = [redact_name(finding, application.name, label) for finding in findings]
    context = {
        "case": case,
        "identity": identity,
        "requests": [] if identity.hidden else requests,
        "hidden_requests": requests.count() if identity.hidden else 0,
        "decisions": ExemptionDecision.choices,
        "findings": findings,
        "can_publish": not outcome.blocked and waiting_until is None,
        "waiting_until": waiting_until,
        "preview": outcome.result.applicant_list,
        "publication": ApplicantListPublication.objects.filter(case=case).first(),
    }
    return render(request, "portal/hr_applicant_list.html", context, status=status)


@login_required
@require_GET
def applicant_list(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _page(request, case_id)


@login_required
@require_POST
def exemption_decide(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = get_case_for_user(request.user, case_id, need="write")
    application = case.applications.filter(pk=application_id).first()
    if application is None:
        raise Http404
    if identity_for(request.user, case, purpose="public_list").hidden:
        # The request's reason names the applicant; blind screening keeps it from those
        # who assess, so only HR decides while it is in force.
        messages.error(
            request, _("While blind screening is in force, the HR advisers decide the requests.")
        )
        return HttpResponseRedirect(reverse("portal:applicant_list", kwargs={"case_id": case.pk}))
    try:
        service.exemption_decide(
            actor=request.user,  # type: ignore[arg-type]  # login_required: a User
            case=case,
            application=application,
            decision=request.POST.get("decision", ""),
            justification=request.POST.get("justification", ""),
            link_for=lambda token: request.build_absolute_uri(
                reverse("portal:receipt", kwargs={"token": token})
            ),
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The decision is saved."))
    return HttpResponseRedirect(reverse("portal:applicant_list", kwargs={"case_id": case.pk}))


@login_required
@require_POST
def applicant_list_publish(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = get_case_for_user(request.user, case_id, need="write")
    try:
        service.applicant_list_publish(actor=request.user, case=case)  # type: ignore[arg-type]  # login_required: a User
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The public applicant list is published."))
    return HttpResponseRedirect(reverse("portal:applicant_list", kwargs={"case_id": case.pk}))


@login_required
@require_GET
def extended_list(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The extended applicant list for those who take part in the case. Hidden while the
    organisation's blind screening is in force; every opening is audited."""
    case = get_case_for_user(request.user, case_id)
    ad = JobAd.objects.filter(case=case, published_at__isnull=False).first()
    if ad is None:
        raise Http404
    blind = identity_for(request.user, case).hidden
    entries = [] if blind else selectors.extended_applicant_list(case, today=timezone.localdate())
    if not blind:
        service.extended_list_viewed(actor=request.user, case=case)  # type: ignore[arg-type]  # login_required: a User
    context = {"case": case, "ad": ad, "entries": entries, "blind": blind, "internal": True}
    return render(request, "portal/extended_list.html", context)
