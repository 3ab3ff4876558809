from __future__ import annotations

import uuid
from typing import Literal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lim.core.access import get_organisation_for_role
from lim.core.models import Organisation, Role
from lim.equality import selectors, services
from lim.equality.forms import (
    MAX_UPLOAD_BYTES,
    AreaTextForm,
    StatementTextForm,
    WorkforceImportForm,
)
from lim.equality.models import StatementArea, StatementAreaText
from lim.equality.presentation import figures_context
from lim.equality.storage import background_import_bytes, render_report, runs_in_background

ROLES = [Role.EQUALITY_ANALYST, Role.ADMINISTRATOR]
DOWNLOADS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _organisation(request: HttpRequest, organisation_id: uuid.UUID) -> Organisation:
    return get_organisation_for_role(request.user, organisation_id, ROLES)


def _audience(request: HttpRequest) -> Literal["public", "internal"]:
    return "internal" if request.GET.get("utvalg") == "intern" else "public"


@login_required
@require_GET
def overview(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    return render(
        request,
        "equality/overview.html",
        {
            "organisation": organisation,
            "snapshots": selectors.snapshots(organisation=organisation),
            "import_jobs": selectors.recent_import_jobs(organisation=organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def workforce_import(request: HttpRequest, organisation_id: uuid.UUID) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    form = WorkforceImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        assert request.user.is_authenticated
        year = form.cleaned_data["year"]
        upload = form.cleaned_data["workforce"]
        extra = form.cleaned_data.get("applications")
        if upload.size > MAX_UPLOAD_BYTES or (extra and extra.size > MAX_UPLOAD_BYTES):
            form.add_error(None, _("The file is larger than 200 MB."))
        elif runs_in_background(upload.file, extra.file if extra else None):
            job = services.import_job_create(
                actor=request.user,
                organisation=organisation,
                year=year,
                workforce=upload,
                applications=extra,
                language=get_language(),
            )
            return redirect("equality:import_job", organisation_id=organisation.pk, job_id=job.pk)
        else:
            try:
                services.equality_import(
                    actor=request.user,
                    organisation=organisation,
                    year=year,
                    workforce=services.ImportFile(upload.name, upload.read()),
                    applications=services.ImportFile(extra.name, extra.read()) if extra else None,
                    language=get_language(),
                )
            except services.ImportRejectedError as rejected:
                problems = rejected.problems
                form.add_error(
                    None,
                    ngettext(
                        "The file was not imported: %(count)d problem. Nothing was changed.",
                        "The file was not imported: %(count)d problems. Nothing was changed.",
                        len(problems),
                    )
                    % {"count": len(problems)},
                )
            else:
                messages.success(
                    request, _("The workforce for %(year)s was imported.") % {"year": year}
                )
                return redirect("equality:statement", organisation_id=organisation.pk, year=year)
    return render(
        request,
        "equality/import.html",
        {
            "organisation": organisation,
            "form": form,
            "problems": problems,
            "background_mb": background_import_bytes() // (1024 * 1024),
        },
    )


@login_required
@require_GET
def import_job(request: HttpRequest, organisation_id: uuid.UUID, job_id: uuid.UUID) -> HttpResponse:
    """The progress of a large import; htmx asks for the status part until it is done."""
    organisation = _organisation(request, organisation_id)
    job = selectors.import_job_for(organisation=organisation, job_id=job_id)
    if job is None:
        raise Http404
    template = "_import_job_status" if getattr(request, "htmx", False) else "import_job"
    return render(request, f"equality/{template}.html", {"organisation": organisation, "job": job})


@login_required
@require_GET
def statement(request: HttpRequest, organisation_id: uuid.UUID, year: int) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    audience = _audience(request)
    report = selectors.report_for(organisation=organisation, year=year, audience=audience)
    if report is None:
        raise Http404
    previous = selectors.previous_report_for(
        organisation=organisation, year=year, audience=audience
    )
    context = figures_context(
        report, previous=previous, indicators_url=reverse("equality:indicators")
    )
    text = selectors.statement_for(organisation=organisation, year=year)
    context.update(
        {
            "organisation": organisation,
            "year": year,
            "audience": audience,
            "statement": text,
            "sections": selectors.statement_sections(text),
            "downloads": list(DOWNLOADS),
        }
    )
    return render(request, "equality/statement.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, organisation_id: uuid.UUID, year: int) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    if selectors.snapshot_for(organisation=organisation, year=year) is None:
        raise Http404
    existing = selectors.statement_for(organisation=organisation, year=year)
    by_area = {a.area: a for a in existing.areas.all()} if existing else {}
    data = request.POST or None
    form = StatementTextForm(data, instance=existing)
    area_forms = [
        (
            area,
            AreaTextForm(
                data, prefix=area.value, instance=by_area.get(area.value) or StatementAreaText()
            ),
        )
        for area in StatementArea
    ]
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for _, f in area_forms):
        assert request.user.is_authenticated
        services.statement_save(
            actor=request.user,
            organisation=organisation,
            year=year,
            texts={name: form.cleaned_data[name] for name in services.STATEMENT_FIELDS},
            areas={
                area.value: {name: f.cleaned_data[name] for name in services.AREA_FIELDS}
                for area, f in area_forms
            },
        )
        messages.success(request, _("The statement text was saved."))
        return redirect("equality:statement", organisation_id=organisation.pk, year=year)
    return render(
        request,
        "equality/statement_edit.html",
        {"organisation": organisation, "year": year, "form": form, "area_forms": area_forms},
    )


@login_required
@require_GET
def statement_download(
    request: HttpRequest, organisation_id: uuid.UUID, year: int, fmt: str
) -> HttpResponse:
    organisation = _organisation(request, organisation_id)
    if fmt not in DOWNLOADS:
        raise Http404
    audience = _audience(request)
    report = selectors.report_for(organisation=organisation, year=year, audience=audience)
    if report is None:
        raise Http404
    previous = selectors.previous_report_for(
        organisation=organisation, year=year, audience=audience
    )
    sections = selectors.statement_sections(
        selectors.statement_for(organisation=organisation, year=year)
    )
    content = render_report(
        report, fmt, language=get_language(), previous=previous, statement={"sections": sections}
    )
    response = HttpResponse(content, content_type=DOWNLOADS[fmt])
    suffix = "-intern" if audience == "internal" else ""
    response["Content-Disposition"] = (
        f'attachment; filename="likestillingsredegjorelse-{year}{suffix}.{fmt}"'
    )
    return response


@require_GET
def indicators(request: HttpRequest) -> HttpResponse:
    return render(request, "equality/indicators.html")
