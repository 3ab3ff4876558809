"""The job analysis: the form with its requirements (a formset)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lim.core.errors import DomainError
from lim.recruitment import rule_checks
from lim.recruitment.forms.cases import JobAnalysisForm, RequirementFormSet
from lim.recruitment.models import JobAnalysis
from lim.recruitment.services.job_analysis import (
    ANALYSIS_FIELDS,
    RequirementInput,
    job_analysis_save,
)
from lim.recruitment.styrk import occupation_title
from lim.recruitment.views.common import (
    actor,
    case_for,
    render_case_page,
    show_advice,
    show_error,
    to_case,
)


def _initial(analysis: JobAnalysis | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if analysis is None:
        return {}, []
    values = {name: getattr(analysis, name) for name in ANALYSIS_FIELDS}
    requirements = [
        {"text": r.text, "kind": r.kind, "justification": r.justification}
        for r in analysis.requirements.all()
    ]
    return values, requirements


@login_required
@require_http_methods(["GET", "POST"])
def job_analysis(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write" if request.method == "POST" else "read")
    analysis = JobAnalysis.objects.filter(case=case).prefetch_related("requirements").first()
    values, requirements = _initial(analysis)
    data = request.POST if request.method == "POST" else None
    form = JobAnalysisForm(data, initial=values)
    formset = RequirementFormSet(data, initial=requirements, prefix="requirements")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kept = [
            RequirementInput(**{k: row[k] for k in ("text", "kind", "justification")})
            for row in formset.cleaned_data
            if row and not row.get("DELETE")
        ]
        advice: list[rule_checks.FindingView] = []
        try:
            job_analysis_save(
                actor=actor(request),
                case=case,
                requirements=kept,
                advice=advice,
                **form.cleaned_data,
            )
        except DomainError as error:
            show_error(form, error)
        else:
            show_advice(request, advice)
            messages.success(request, _("The job analysis was saved."))
            return to_case(case)
    return render_case_page(
        request,
        "recruitment/job_analysis.html",
        case,
        form=form,
        formset=formset,
        analysis=analysis,
        occupation=occupation_title(analysis.occupation_code)
        if analysis and analysis.occupation_code
        else None,
    )
