from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core import selectors, services
from lim.core.access import (
    get_organisation_for_admin,
    get_unit_for_user,
    organisations_administered_by,
    roles_in_unit,
    unit_ids_for_user,
)
from lim.core.errors import DomainError
from lim.core.forms import AuditFilterForm, OrganisationSettingsForm, RoleAssignForm
from lim.core.models import Organisation, Role, RoleAssignment


def login_locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' answer to a login while the account or address is locked out."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "core/lockout.html", {"minutes": minutes}, status=429)


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    assert request.user.is_authenticated
    return render(
        request,
        "core/home.html",
        {
            "assignments": selectors.role_assignments_for_user(user=request.user),
            "administered": organisations_administered_by(request.user),
        },
    )


@login_required
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    visible = unit_ids_for_user(request.user)
    organisations = Organisation.objects.filter(units__id__in=visible).distinct()
    trees = [
        (organisation, selectors.unit_tree(organisation=organisation, visible=set(visible)))
        for organisation in organisations
    ]
    return render(request, "core/unit_list.html", {"trees": trees})


@login_required
@require_GET
def unit_detail(request: HttpRequest, unit_id: uuid.UUID) -> HttpResponse:
    unit = get_unit_for_user(request.user, unit_id)
    return render(
        request,
        "core/unit_detail.html",
        {
            "unit": unit,
            "my_roles": sorted(Role(r).label for r in roles_in_unit(request.user, unit)),
            "assignments": selectors.role_assignments_in_unit(unit=unit),
            "children": unit.children.order_by("name"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_settings(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = get_organisation_for_admin(request.user, organisation_id)
    form = OrganisationSettingsForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        assert request.user.is_authenticated
        try:
            # The form only validates; the service makes the change and writes the audit event.
            services.organisation_update(
                actor=request.user,
                organisation=Organisation.objects.get(pk=organisation.pk),
                **form.cleaned_data,
            )
        except DomainError as exc:
            form.add_error(exc.field, str(exc.message))
        else:
            messages.success(request, _("The settings were saved."))
            return redirect("core:organisation_settings", organisation_id=organisation.pk)
    return render(
        request, "core/organisation_settings.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def user_list(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = get_organisation_for_admin(request.user, organisation_id)
    form = RoleAssignForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        assert request.user.is_authenticated
        try:
            services.role_assign(
                actor=request.user,
                user=form.cleaned_data["user"],
                unit=form.cleaned_data["unit"],
                role=form.cleaned_data["role"],
            )
        except DomainError as exc:
            form.add_error(exc.field, str(exc.message))
        else:
            messages.success(request, _("The role was given."))
            return redirect("core:user_list", organisation_id=organisation.pk)
    return render(
        request,
        "core/user_list.html",
        {
            "organisation": organisation,
            "users": selectors.users_of_organisation(organisation=organisation),
            "form": form,
        },
    )


@login_required
@require_POST
def role_revoke(
    request: HttpRequest, organisation_id: uuid.UUID, assignment_id: uuid.UUID
) -> HttpResponse:
    organisation = get_organisation_for_admin(request.user, organisation_id)
    assignment = RoleAssignment.objects.filter(
        pk=assignment_id, unit__organisation=organisation
    ).first()
    if assignment is None:
        raise Http404
    assert request.user.is_authenticated
    try:
        services.role_revoke(actor=request.user, assignment=assignment)
    except DomainError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("The role was removed."))
    return redirect("core:user_list", organisation_id=organisation.pk)


@login_required
@require_GET
def audit_log(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = get_organisation_for_admin(request.user, organisation_id)
    form = AuditFilterForm(request.GET or None, organisation=organisation)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_events(
        organisation=organisation,
        action=filters.get("action", ""),
        actor=filters.get("actor"),
    )
    page = Paginator(events, 50).get_page(request.GET.get("side"))
    return render(
        request,
        "core/audit_log.html",
        {"organisation": organisation, "form": form, "page": page},
    )


@require_GET
def rules_page(request: HttpRequest) -> HttpResponse:
    """Every rule LIM enforces, generated from the same definitions the checks use."""
    from lim.rules.base import Lang
    from lim.rules.registry import rules_for_page

    language = get_language()
    lang: Lang = "nn" if language == "nn" else "en" if language == "en" else "nb"
    rules = rules_for_page(lang=lang)
    return render(request, "core/rules.html", {"rules": rules})
