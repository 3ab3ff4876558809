"""One application: the facts (blind mode applied), the assessment per requirement, the
qualification decision, rejection and withdrawal, and the target-group declaration for
the roles that need it (every view audited)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lim.core.errors import DomainError
from lim.recruitment import screening, selectors
from lim.recruitment.access import declaration_scope
from lim.recruitment.forms.selection import AssessmentForm, QualificationForm, RejectForm
from lim.recruitment.identity import identity_for
from lim.recruitment.models import Application, Assessment, RecruitmentCase, Requirement
from lim.recruitment.services import applications as application_services
from lim.recruitment.services import selection as selection_services
from lim.recruitment.views.common import (
    actor,
    application_for,
    case_for,
    render_case_page,
    show_error,
)


def _assessment_form(application: Application, data: Any = None) -> AssessmentForm:
    requirements = list(
        Requirement.objects.filter(job_analysis__case_id=application.case_id).order_by("order")
    )
    previous = {a.requirement_id: a for a in Assessment.objects.filter(application=application)}
    return AssessmentForm(data, requirements=requirements, initial_results=previous)


def _render(
    request: HttpRequest,
    case: RecruitmentCase,
    application: Application,
    **forms_: forms.Form,
) -> HttpResponse:
    user = actor(request)
    chosen = request.GET.get("blind") == "on" or request.POST.get("blind") == "on"
    blind = identity_for(user, case, chosen_blind=chosen).hidden
    # Only for the roles that need it, and each view is audited by the selector.
    declaration = (
        selectors.declaration_for_user(user=user, application=application)
        if declaration_scope(user, case) is not None
        else None
    )
    context: dict[str, Any] = {
        "application": application,
        "applicant": screening.applicant_detail(
            application, blind=blind, today=timezone.localdate()
        ),
        "blind": blind,
        "declaration": declaration,
        "assessment_form": _assessment_form(application),
        "qualification_form": QualificationForm(),
        "reject_form": RejectForm(),
        "action_form": forms.Form(),
        "interviews": application.interviews.prefetch_related("panel").order_by("starts_at"),
        "reference_checks": application.reference_checks.all(),
    }
    context.update(forms_)
    return render_case_page(request, "recruitment/application_detail.html", case, **context)


def _back(case: RecruitmentCase, application: Application, request: HttpRequest) -> HttpResponse:
    url = redirect(
        "recruitment:application_detail", case_id=case.id, application_id=application.id
    ).url
    return redirect(f"{url}?blind=on" if request.POST.get("blind") == "on" else url)


@login_required
@require_GET
def application_detail(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id)
    return _render(request, case, application_for(case, application_id))


@login_required
@require_POST
def application_assess(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    application = application_for(case, application_id)
    form = _assessment_form(application, request.POST)
    if form.is_valid():
        try:
            # All requirements in one transaction: a refused one saves none.
            with transaction.atomic():
                for requirement, result, note in form.changed_results():
                    selection_services.assessment_record(
                        actor=actor(request),
                        application=application,
                        requirement=requirement,
                        result=result,
                        note=note,
                    )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The assessment was saved."))
            return _back(case, application, request)
    return _render(request, case, application, assessment_form=form)


@login_required
@require_POST
def application_qualify(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    application = application_for(case, application_id)
    form = QualificationForm(request.POST)
    if form.is_valid():
        try:
            selection_services.qualification_decide(
                actor=actor(request), application=application, **form.cleaned_data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The decision on qualification was recorded."))
            return _back(case, application, request)
    return _render(request, case, application, qualification_form=form)


@login_required
@require_POST
def application_reject(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    application = application_for(case, application_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            application_services.application_reject(
                actor=actor(request), application=application, **form.cleaned_data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The application was rejected."))
            return _back(case, application, request)
    return _render(request, case, application, reject_form=form)


@login_required
@require_POST
def application_withdraw(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    """HR records that the applicant withdrew (by phone or e-mail)."""
    case = case_for(request, case_id, need="write")
    application = application_for(case, application_id)
    form = forms.Form(request.POST)
    try:
        application_services.application_withdraw(actor=actor(request), application=application)
    except DomainError as error:
        show_error(form, error)
        return _render(request, case, application, action_form=form)
    messages.success(request, _("The withdrawal was recorded."))
    return _back(case, application, request)
