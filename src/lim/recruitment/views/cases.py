"""The case list, the case page, opening a case, the NAV checkpoint and cancelling."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.access import unit_ids_for_user
from lim.core.errors import DomainError
from lim.core.models import Role, Unit
from lim.recruitment import progress, rule_checks, selectors
from lim.recruitment.forms.cases import CancelForm, CaseOpenForm, NavCheckpointForm
from lim.recruitment.models import NavCheckpoint, Notification, RecruitmentCase
from lim.recruitment.services import cases as case_services
from lim.recruitment.states import OPEN_STEPS
from lim.recruitment.views.common import (
    actor,
    case_for,
    render_case_page,
    show_advice,
    show_error,
    to_case,
)

OPENING_ROLES = (Role.HIRING_MANAGER, Role.HR_ADVISER)


def _opening_units(request: HttpRequest) -> QuerySet[Unit]:
    return Unit.objects.filter(id__in=unit_ids_for_user(request.user, OPENING_ROLES)).order_by(
        "name"
    )


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(
        request,
        "recruitment/case_list.html",
        {
            "cases": selectors.cases_for_user(user=user),
            "notifications": selectors.notifications_for_user(user=user, unread_only=True),
            "can_open": bool(unit_ids_for_user(user, OPENING_ROLES)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_open(request: HttpRequest) -> HttpResponse:
    units = _opening_units(request)
    form = CaseOpenForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            case = case_services.case_open(actor=actor(request), **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The case was opened and the inclusion coordinator told."))
            return to_case(case)
    return render(request, "recruitment/case_open.html", {"form": form})


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    return render_case_detail(request, case_for(request, case_id))


def render_case_detail(
    request: HttpRequest, case: RecruitmentCase, action_form: forms.Form | None = None
) -> HttpResponse:
    """The case page; `action_form` carries the error of a refused step button."""
    user = actor(request)
    return render_case_page(
        request,
        "recruitment/case_detail.html",
        case,
        steps=progress.step_rows(case),
        next_action=progress.next_action(case),
        links=progress.step_links(case),
        notifications=selectors.notifications_for_user(user=user, unread_only=True).filter(
            case=case
        ),
        checkpoint=NavCheckpoint.objects.filter(case=case).first(),
        is_open=case.step in OPEN_STEPS,
        cancel_form=CancelForm(),
        action_form=action_form or forms.Form(),
    )


@login_required
@require_POST
def notification_read(
    request: HttpRequest, case_id: uuid.UUID, notification_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id)
    notification = Notification.objects.filter(
        pk=notification_id, case=case, recipient=actor(request)
    ).first()
    if notification is None:
        raise Http404
    case_services.notification_mark_read(user=actor(request), notification=notification)
    return to_case(case)


@login_required
@require_http_methods(["GET", "POST"])
def nav_checkpoint(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id)
    checkpoint = NavCheckpoint.objects.filter(case=case).first()
    initial = (
        {
            "can_target_group_fill": checkpoint.can_target_group_fill,
            "ask_nav": "yes" if checkpoint.ask_nav else "no",
            "reason": checkpoint.reason,
            "route": checkpoint.route,
        }
        if checkpoint
        else {"route": case.route}
    )
    form = NavCheckpointForm(request.POST or None, initial=initial)
    if request.method == "POST":
        case = case_for(request, case_id, need="nav_checkpoint")
        if form.is_valid():
            advice: list[rule_checks.FindingView] = []
            try:
                case_services.nav_checkpoint_record(
                    actor=actor(request), case=case, advice=advice, **form.cleaned_data
                )
            except DomainError as error:
                show_error(form, error)
            else:
                show_advice(request, advice)
                messages.success(request, _("The NAV checkpoint was recorded."))
                return to_case(case)
    return render_case_page(
        request, "recruitment/nav_checkpoint.html", case, form=form, checkpoint=checkpoint
    )


@login_required
@require_POST
def case_cancel(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            case_services.case_cancel(actor=actor(request), case=case, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The recruitment was cancelled."))
            return to_case(case)
    return render_case_page(request, "recruitment/case_cancel.html", case, form=form)
