"""The ad: generate, edit, publish, skip (exempt routes), and the NAV payload."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.recruitment import rule_checks
from lim.recruitment.forms.cases import AdForm, NavPayloadForm
from lim.recruitment.models import JobAd, RecruitmentCase
from lim.recruitment.nav_payload import ad_transfer, employer_address
from lim.recruitment.services import ads as ad_services
from lim.recruitment.views.common import (
    actor,
    case_for,
    render_case_page,
    show_advice,
    show_error,
    to_case,
)


def _ad(case: RecruitmentCase) -> JobAd | None:
    return JobAd.objects.filter(case=case).first()


def _ad_form(ad: JobAd | None, data: QueryDict | None = None) -> AdForm:
    initial = (
        {
            "title": ad.title,
            "body": ad.body,
            "deadline": ad.deadline,
            "channels": ad.channels,
            "questions": "\n".join(ad.questions),
            "answers_required": ad.answers_required,
        }
        if ad
        else {}
    )
    return AdForm(data, initial=initial)


def _render(
    request: HttpRequest,
    case: RecruitmentCase,
    *,
    form: AdForm | None = None,
    action_form: forms.Form | None = None,
    payload_form: NavPayloadForm | None = None,
) -> HttpResponse:
    ad = _ad(case)
    return render_case_page(
        request,
        "recruitment/ad.html",
        case,
        ad=ad,
        form=form or _ad_form(ad),
        action_form=action_form or forms.Form(),
        payload_form=payload_form
        or NavPayloadForm(
            initial={
                "postal_code": case.organisation.postal_code,
                "city": case.organisation.postal_town,
            }
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ad(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The ad and its edit form; POST saves the edits."""
    if request.method == "GET":
        return _render(request, case_for(request, case_id))
    case = case_for(request, case_id, need="write")
    current = _ad(case)
    if current is None:
        raise Http404
    form = _ad_form(current, request.POST)
    if form.is_valid():
        try:
            ad_services.ad_update(actor=actor(request), ad=current, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The ad was saved."))
            return _redirect_ad(case)
    return _render(request, case, form=form)


def _redirect_ad(case: RecruitmentCase) -> HttpResponse:
    return redirect("recruitment:ad", case_id=case.id)


def _action(request: HttpRequest, case_id: uuid.UUID, run: str) -> HttpResponse:
    """Generate, publish or skip the ad: one button each, errors in the page's summary."""
    case = case_for(request, case_id, need="write")
    action_form = forms.Form(request.POST)
    try:
        if run == "generate":
            ad_services.ad_generate(actor=actor(request), case=case)
            messages.success(request, _("The ad was written from the job analysis."))
        elif run == "publish":
            current = _ad(case)
            if current is None:
                raise Http404
            show_advice(request, ad_services.ad_publish(actor=actor(request), ad=current))
            messages.success(request, _("The ad was published."))
            return to_case(case)
        else:
            advice: list[rule_checks.FindingView] = []
            ad_services.case_proceed_without_ad(actor=actor(request), case=case, advice=advice)
            show_advice(request, advice)
            messages.success(request, _("The case went on to selection without an ad."))
            return to_case(case)
    except DomainError as error:
        show_error(action_form, error)
        case.refresh_from_db()
        return _render(request, case, action_form=action_form)
    return _redirect_ad(case)


@login_required
@require_POST
def ad_generate(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _action(request, case_id, "generate")


@login_required
@require_POST
def ad_publish(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _action(request, case_id, "publish")


@login_required
@require_POST
def proceed_without_ad(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _action(request, case_id, "skip")


@login_required
@require_GET
def ad_nav_payload(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The pam-import-api transfer, as JSON (download with ?download=1)."""
    case = case_for(request, case_id)
    current = _ad(case)
    if current is None or current.published_at is None or current.deadline is None:
        raise Http404
    form = NavPayloadForm(
        employer_address(
            case.organisation, request.GET.get("postal_code", ""), request.GET.get("city", "")
        )
    )
    if not form.is_valid():
        # Neither the request nor the organisation settings give the address: ask.
        return _render(request, case, payload_form=form)
    payload = ad_transfer(current, **form.cleaned_data)
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 2})
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="nav-{case.id}.json"'
    return response
