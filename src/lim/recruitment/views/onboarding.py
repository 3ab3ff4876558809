"""The onboarding plan: made from the template, tasks marked done (htmx or a plain form)."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.recruitment.forms.hiring import OnboardingPlanForm
from lim.recruitment.models import OnboardingPlan, OnboardingTask, RecruitmentCase
from lim.recruitment.services import onboarding as onboarding_services
from lim.recruitment.views.common import (
    actor,
    case_for,
    case_people,
    render_case_page,
    show_error,
)


def _plan(case: RecruitmentCase) -> OnboardingPlan | None:
    return OnboardingPlan.objects.filter(hire__case=case).select_related("hire").first()


@login_required
@require_http_methods(["GET", "POST"])
def onboarding(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write" if request.method == "POST" else "read")
    form = OnboardingPlanForm(request.POST or None, people=case_people(case))
    if request.method == "POST" and form.is_valid():
        hire = case.hires.first()
        if hire is None:
            raise Http404
        try:
            onboarding_services.onboarding_plan_create(
                actor=actor(request), hire=hire, buddy=form.cleaned_data["buddy"]
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The onboarding plan was made."))
            return redirect("recruitment:onboarding", case_id=case.id)
    plan = _plan(case)
    return render_case_page(
        request,
        "recruitment/onboarding.html",
        case,
        form=form,
        plan=plan,
        tasks=plan.tasks.select_related("owner") if plan else [],
        hire=case.hires.select_related("application").first(),
        task_form=forms.Form(),
    )


@login_required
@require_POST
def task_done(request: HttpRequest, case_id: uuid.UUID, task_id: uuid.UUID) -> HttpResponse:
    """Mark one task done; htmx swaps the row, a plain form goes back to the plan."""
    case = case_for(request, case_id, need="write")
    task = (
        OnboardingTask.objects.select_related("owner")
        .filter(pk=task_id, plan__hire__case=case)
        .first()
    )
    if task is None:
        raise Http404
    error = ""
    try:
        task = onboarding_services.onboarding_task_complete(actor=actor(request), task=task)
    except DomainError as exc:
        error = str(exc.message)
    if getattr(request, "htmx", False):
        return render(
            request,
            "recruitment/includes/onboarding_task.html",
            {"case": case, "task": task, "can_write": True, "error": error},
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The task was marked as done."))
    return redirect("recruitment:onboarding", case_id=case.id)
