"""The public career site: vacancies, the ad, the application form and the receipt."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.core.http import client_ip
from lim.portal import selectors
from lim.portal.forms import ApplicationForm, ContactForm, DocumentsForm, WithdrawForm
from lim.portal.models import ApplicantListPublication, PortalSubmission
from lim.portal.services import applicant_list, applying
from lim.recruitment.models import ApplicationStatus, EmploymentForm


def _private(response: HttpResponse) -> HttpResponse:
    """Pages behind a private link: not cached. The link is never sent to other sites as
    a referrer (SECURE_REFERRER_POLICY "same-origin"); "no-referrer" would make browsers
    send `Origin: null` with the page's forms, which the CSRF check rightly refuses."""
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
def vacancy_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filters = selectors.AdFilters(
        text=request.GET.get("q", "").strip()[:100],
        unit=request.GET.get("unit", ""),
        location=request.GET.get("location", ""),
        extent=request.GET.get("extent", ""),
        employment_form=request.GET.get("employment_form", ""),
    )
    context = {
        "ads": selectors.open_ads(today=today, filters=filters),
        "filters": filters,
        "choices": selectors.filter_choices(today=today),
        "employment_forms": EmploymentForm.choices,
    }
    return render(request, "portal/vacancy_list.html", context)


@require_GET
def ad_detail(request: HttpRequest, ad_id: uuid.UUID) -> HttpResponse:
    ad = selectors.public_ad(ad_id)
    today = timezone.localdate()
    posting = selectors.job_posting(ad, url=request.build_absolute_uri(request.path))
    publication = ApplicantListPublication.objects.filter(case=ad.case_id).first()
    context = {
        "ad": ad,
        "diversity_statement": selectors.diversity_statement_not_in_ad(ad),
        "is_open": selectors.ad_is_open(ad, today),
        "json_ld": selectors.json_ld(posting),
        "publication": publication,
    }
    return render(request, "portal/ad_detail.html", context)


def _link_for(request: HttpRequest) -> Any:
    def link(token: str) -> str:
        return request.build_absolute_uri(reverse("portal:receipt", kwargs={"token": token}))

    return link


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, ad_id: uuid.UUID) -> HttpResponse:
    ad = selectors.public_ad(ad_id)
    if not selectors.ad_is_open(ad, timezone.localdate()):
        return render(request, "portal/closed.html", {"ad": ad}, status=410)
    if request.method != "POST":
        form = ApplicationForm(questions=ad.questions, answers_required=ad.answers_required)
        return render(request, "portal/apply.html", {"ad": ad, "form": form})
    if not applying.rate_limit_allows(client_ip=client_ip(request)):
        return render(request, "portal/rate_limited.html", {"ad": ad}, status=429)
    form = ApplicationForm(
        request.POST,
        request.FILES,
        questions=ad.questions,
        answers_required=ad.answers_required,
    )
    if _submitted_before(request.POST.get("idempotency_key", "")):
        return _sent(ad)
    if form.is_valid():
        try:
            applying.portal_submit(
                ad=ad,
                idempotency_key=str(form.cleaned_data["idempotency_key"]),
                applicant=form.applicant(),
                exemption_requested=form.cleaned_data["exemption_requested"],
                exemption_reason=form.cleaned_data["exemption_reason"],
                declaration=form.declaration(),
                uploads=form.uploads(),
                language=translation.get_language() or "nb",
                link_for=_link_for(request),
            )
        except DomainError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
        else:
            # The same answer for a new application, one already received with this
            # address and a repeat: the private link goes only to the e-mail address.
            return _sent(ad)
    return render(request, "portal/apply.html", {"ad": ad, "form": form}, status=400)


def _submitted_before(key: str) -> bool:
    """A repeated POST of the same form (its key is random and known only to the
    browser that sent it) gets the same answer as the first one."""
    try:
        uuid.UUID(key)
    except ValueError:
        return False
    return PortalSubmission.objects.filter(idempotency_key=key).exists()


def _sent(ad: Any) -> HttpResponse:
    return HttpResponseRedirect(reverse("portal:sent", kwargs={"ad_id": ad.pk}))


@never_cache
@require_GET
def sent(request: HttpRequest, ad_id: uuid.UUID) -> HttpResponse:
    """The confirmation after applying; it says nothing about any application."""
    ad = selectors.public_ad(ad_id)
    return render(request, "portal/sent.html", {"ad": ad})


def _application_or_404(token: str) -> Any:
    application = applying.application_for_token(token, now=timezone.now())
    if application is None:
        raise Http404
    return application


def _receipt_context(application: Any, **forms: Any) -> dict[str, Any]:
    declaration = getattr(application, "declaration", None)
    lang = translation.get_language() or "nb"
    reasons: list[str] = []
    if declaration is not None and declaration.cv_gap_result:
        reasons = declaration.cv_gap_result.get("reasons", {}).get(lang[:2], [])
    submission = PortalSubmission.objects.filter(application=application).first()
    ad = application.case.ad
    contact_initial = {
        "email": application.email,
        "phone": application.phone,
        "address": application.address,
        "postal_code": submission.postal_code if submission else "",
        "municipality": application.municipality,
    }
    return {
        "application": application,
        "ad": ad,
        "declaration": declaration,
        "cv_gap_reasons": reasons,
        "submission": submission,
        "documents": application.portal_documents.all(),
        "can_add": selectors.ad_is_open(ad, timezone.localdate()),
        "can_see_list": ad.deadline is not None
        and timezone.localdate() > ad.deadline
        and application.status != ApplicationStatus.WITHDRAWN,
        "contact_form": forms.get("contact_form") or ContactForm(initial=contact_initial),
        "documents_form": forms.get("documents_form") or DocumentsForm(),
        "withdraw_form": forms.get("withdraw_form") or WithdrawForm(),
    }


@require_GET
def receipt(request: HttpRequest, token: str) -> HttpResponse:
    application = _application_or_404(token)
    return _private(render(request, "portal/receipt.html", _receipt_context(application)))


@require_GET
def receipt_extended_list(request: HttpRequest, token: str) -> HttpResponse:
    """The extended applicant list for an applicant, who is a party to the case: open
    after the deadline, audited. One who has withdrawn is no longer a party."""
    application = _application_or_404(token)
    if application.status == ApplicationStatus.WITHDRAWN:
        raise Http404
    case = application.case
    ad = case.ad
    today = timezone.localdate()
    is_open = ad.deadline is not None and today > ad.deadline
    entries = selectors.extended_applicant_list(case, today=today) if is_open else []
    if is_open:
        applicant_list.extended_list_viewed(actor=None, case=case, application=application)
    context = {"case": case, "ad": ad, "entries": entries, "not_yet": not is_open}
    return _private(render(request, "portal/extended_list.html", context))


@require_POST
def receipt_contact(request: HttpRequest, token: str) -> HttpResponse:
    application = _application_or_404(token)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            applying.contact_update(application=application, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            return HttpResponseRedirect(reverse("portal:receipt", kwargs={"token": token}))
    context = _receipt_context(application, contact_form=form)
    return _private(render(request, "portal/receipt.html", context, status=400))


@require_POST
def receipt_documents(request: HttpRequest, token: str) -> HttpResponse:
    application = _application_or_404(token)
    form = DocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            applying.documents_add(application=application, uploads=form.cleaned_data["documents"])
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            return HttpResponseRedirect(reverse("portal:receipt", kwargs={"token": token}))
    context = _receipt_context(application, documents_form=form)
    return _private(render(request, "portal/receipt.html", context, status=400))


@require_POST
def receipt_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    application = _application_or_404(token)
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            applying.application_withdraw_and_delete(application=application)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            return HttpResponseRedirect(reverse("portal:withdrawn"))
    context = _receipt_context(application, withdraw_form=form)
    return _private(render(request, "portal/receipt.html", context, status=400))


@require_GET
def withdrawn(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/withdrawn.html")


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")
