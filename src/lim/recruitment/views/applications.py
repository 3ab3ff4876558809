"""Applicants: the screening list with filters, sorting, bulk actions and blind mode;
registering an application; starting the selection."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.recruitment import screening
from lim.recruitment.forms.selection import (
    ApplicantFilterForm,
    ApplicationRegisterForm,
    BulkActionForm,
)
from lim.recruitment.identity import identity_for
from lim.recruitment.models import RecruitmentCase
from lim.recruitment.services import applications as application_services
from lim.recruitment.services import selection as selection_services
from lim.recruitment.services.applications import DeclarationInput
from lim.recruitment.views.cases import render_case_detail
from lim.recruitment.views.common import actor, case_for, render_case_page, show_error, to_case

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> tuple[ApplicantFilterForm, dict[str, Any]]:
    form = ApplicantFilterForm(request.GET)
    return form, (form.cleaned_data if form.is_valid() else {})


def _render_list(
    request: HttpRequest, case: RecruitmentCase, bulk_form: BulkActionForm | None = None
) -> HttpResponse:
    form, filters = _filters(request)
    identity = identity_for(actor(request), case, chosen_blind=bool(filters.get("blind")))
    blind_forced, blind = identity.forced, identity.hidden
    applications = screening.screening_list(
        case=case,
        status=filters.get("status", ""),
        source=filters.get("source", ""),
        qualified=filters.get("qualified", ""),
        sort=filters.get("sort", ""),
        by_code=blind,
    )
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    toggled = query.copy()
    toggled["blind"] = "" if blind else "on"
    return render_case_page(
        request,
        "recruitment/applicant_list.html",
        case,
        filter_form=form,
        bulk_form=bulk_form or BulkActionForm(applications=applications),
        page=page,
        rows=screening.applicant_rows(page, blind=blind, today=timezone.localdate()),
        blind=blind,
        blind_forced=blind_forced,
        query=query.urlencode(),
        blind_toggle=toggled.urlencode(),
        receiving=case.step in ("applications", "selection"),
    )


@login_required
@require_GET
def applicant_list(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return _render_list(request, case_for(request, case_id))


@login_required
@require_POST
def applicant_bulk(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Start assessment of, or reject, the selected applications (all or none)."""
    case = case_for(request, case_id, need="write")
    form = BulkActionForm(request.POST, applications=case.applications.all())
    if form.is_valid():
        chosen = list(form.cleaned_data["applications"].select_related("case__organisation"))
        try:
            if form.cleaned_data["action"] == "start_assessment":
                moved = application_services.application_start_assessment(
                    actor=actor(request), applications=chosen
                )
            else:
                # One transaction: a refused rejection rejects none of the others.
                with transaction.atomic():
                    for application in chosen:
                        application_services.application_reject(
                            actor=actor(request),
                            application=application,
                            reason=form.cleaned_data["reason"],
                        )
                moved = len(chosen)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d application was changed.",
                    "%(count)d applications were changed.",
                    moved,
                )
                % {"count": moved},
            )
            back = request.POST.get("query", "")
            url = redirect("recruitment:applicant_list", case_id=case.id).url
            return redirect(f"{url}?{back}" if back else url)
    return _render_list(request, case, bulk_form=form)


def _declaration(form: ApplicationRegisterForm) -> DeclarationInput | None:
    data = form.cleaned_data
    if not any(data[name] for name in form.DECLARATION_FIELDS):
        return None
    return DeclarationInput(**{name: data[name] for name in form.DECLARATION_FIELDS})


@login_required
@require_http_methods(["GET", "POST"])
def application_register(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """HR registers an application (from paper or e-mail), or one referred by NAV."""
    case = case_for(request, case_id, need="write")
    form = ApplicationRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k not in form.DECLARATION_FIELDS}
        try:
            application = application_services.application_create(
                actor=actor(request), case=case, declaration=_declaration(form), **values
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The application was registered."))
            return redirect(
                "recruitment:application_detail", case_id=case.id, application_id=application.id
            )
    return render_case_page(request, "recruitment/application_register.html", case, form=form)


@login_required
@require_POST
def selection_start(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    action_form = forms.Form(request.POST)
    try:
        selection_services.selection_start(actor=actor(request), case=case)
    except DomainError as error:
        show_error(action_form, error)
        return render_case_detail(request, case, action_form)
    messages.success(request, _("The selection has started."))
    return to_case(case)
