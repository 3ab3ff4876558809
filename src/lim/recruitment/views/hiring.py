"""The decision, the offer and its answer, the hire, and closing the case."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.recruitment import rule_checks
from lim.recruitment.forms.hiring import DecisionForm, HireForm, OfferForm, OfferResponseForm
from lim.recruitment.identity import Identity, identity_for
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    CaseStep,
    Decision,
    Offer,
    RecruitmentCase,
)
from lim.recruitment.services import hiring as hiring_services
from lim.recruitment.services import recommendation as recommendation_services
from lim.recruitment.views.cases import render_case_detail
from lim.recruitment.views.common import (
    actor,
    case_for,
    render_case_page,
    show_advice,
    show_error,
    to_case,
)


def _decision_candidates(case: RecruitmentCase, identity: Identity) -> QuerySet[Application]:
    """Ranked candidates; on a route without a recommendation, qualified or interviewed."""
    order = (identity.sort_field, "id")
    if case.step == CaseStep.SELECTION:
        statuses = [ApplicationStatus.QUALIFIED, ApplicationStatus.INTERVIEWED]
        return case.applications.filter(status__in=statuses).order_by(*order)
    return case.applications.filter(status=ApplicationStatus.RECOMMENDED).order_by(*order)


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The hiring council or the case's hiring manager decides (the service checks who)."""
    case = case_for(request, case_id)
    identity = identity_for(actor(request), case)
    form = DecisionForm(
        request.POST or None,
        candidates=_decision_candidates(case, identity),
        label=identity.label,
    )
    if request.method == "POST" and form.is_valid():
        advice: list[rule_checks.FindingView] = []
        try:
            recommendation_services.decision_record(
                actor=actor(request), case=case, advice=advice, **form.cleaned_data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            show_advice(request, advice)
            messages.success(request, _("The decision was recorded."))
            return to_case(case)
    return render_case_page(
        request,
        "recruitment/decision.html",
        case,
        form=form,
        decisions=Decision.objects.filter(case=case).select_related("chosen", "decided_by"),
    )


def _offer(case: RecruitmentCase) -> Offer | None:
    return (
        Offer.objects.filter(application__case=case)
        .select_related("application")
        .order_by("-sent_at")
        .first()
    )


def _render_offer(request: HttpRequest, case: RecruitmentCase, **forms_: Any) -> HttpResponse:
    context: dict[str, Any] = {
        "offer": _offer(case),
        "decision": Decision.objects.filter(case=case).select_related("chosen").first(),
        "form": OfferForm(),
        "response_form": OfferResponseForm(),
        "hire_form": HireForm(),
        "hire": case.hires.select_related("application").first(),
    }
    context.update(forms_)
    return render_case_page(request, "recruitment/offer.html", case, **context)


@login_required
@require_http_methods(["GET", "POST"])
def offer(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    if request.method == "GET":
        return _render_offer(request, case_for(request, case_id))
    case = case_for(request, case_id, need="write")
    form = OfferForm(request.POST)
    if form.is_valid():
        try:
            hiring_services.offer_make(actor=actor(request), case=case, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The offer was recorded as sent."))
            return redirect("recruitment:offer", case_id=case.id)
    return _render_offer(request, case, form=form)


@login_required
@require_POST
def offer_response(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    current = _offer(case)
    if current is None:
        raise Http404
    form = OfferResponseForm(request.POST)
    if form.is_valid():
        try:
            hiring_services.offer_respond(actor=actor(request), offer=current, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The answer was recorded."))
            return redirect("recruitment:offer", case_id=case.id)
    return _render_offer(request, case, response_form=form)


@login_required
@require_POST
def hire(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    current = _offer(case)
    if current is None:
        raise Http404
    form = HireForm(request.POST)
    if form.is_valid():
        try:
            hiring_services.hire_record(actor=actor(request), offer=current, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The hire was recorded. Make the onboarding plan next."))
            return redirect("recruitment:onboarding", case_id=case.id)
    return _render_offer(request, case, hire_form=form)


@login_required
@require_POST
def case_close(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Close the case; the service rejects the others and sends their replies."""
    case = case_for(request, case_id, need="write")
    form = forms.Form(request.POST)
    try:
        hiring_services.case_close(actor=actor(request), case=case)
    except DomainError as error:
        show_error(form, error)
        return render_case_detail(request, case, form)
    messages.success(request, _("The case was closed and the other applicants were answered."))
    return to_case(case)
