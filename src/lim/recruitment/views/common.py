"""Helpers shared by the recruitment views: the actor, errors into forms, redirects."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from lim.core.errors import DomainError
from lim.core.models import Unit, User
from lim.recruitment import rule_checks
from lim.recruitment.access import CASE_ROLES, Need, case_permissions, get_case_for_user
from lim.recruitment.identity import identity_for
from lim.recruitment.models import Application, RecruitmentCase


def actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def case_for(request: HttpRequest, case_id: uuid.UUID, need: Need = "read") -> RecruitmentCase:
    return get_case_for_user(request.user, case_id, need=need)


def application_for(case: RecruitmentCase, application_id: uuid.UUID) -> Application:
    """An application of this case only; another case's id is a 404 like a missing one."""
    application = (
        Application.objects.select_related("case__organisation", "case__unit")
        .filter(case=case, pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application


def show_error(form: forms.BaseForm, error: DomainError) -> None:
    """The service's message in the form's error summary: on the field it names when the
    form has it, otherwise for the whole form (a RuleBlocked message names the source)."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


def show_advice(request: HttpRequest, findings: list[rule_checks.FindingView]) -> None:
    """The rules' non-blocking findings as warnings on the next page, with their source."""
    lang = rule_checks.active_language()
    for finding in findings:
        messages.warning(request, f"{finding.message.get(lang)} ({finding.source})")


def to_case(case: RecruitmentCase) -> HttpResponse:
    return redirect("recruitment:case_detail", case_id=case.id)


def render_case_page(
    request: HttpRequest, template: str, case: RecruitmentCase, **context: Any
) -> HttpResponse:
    """Render a step page with the case and what the user may do with it."""
    permissions = case_permissions(request.user, case)
    return render(
        request,
        template,
        {
            "case": case,
            "can_write": "write" in permissions,
            "can_record_checkpoint": "nav_checkpoint" in permissions,
            # How applicants are named on the page (`application|shown_as:identity`).
            "identity": identity_for(request.user, case),
            **context,
        },
    )


def case_people(case: RecruitmentCase) -> QuerySet[User]:
    """The people who take part in the case: recruitment roles in its unit or above, and
    its hiring manager (the choices for an interview panel or a buddy)."""
    units: list[uuid.UUID] = []
    parents = dict(
        Unit.objects.filter(organisation_id=case.organisation_id).values_list("id", "parent_id")
    )
    current: uuid.UUID | None = case.unit_id
    while current is not None and current not in units:
        units.append(current)
        current = parents.get(current)
    return (
        User.objects.filter(
            Q(role_assignments__unit_id__in=units, role_assignments__role__in=list(CASE_ROLES))
            | Q(pk=case.hiring_manager_id),
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )
