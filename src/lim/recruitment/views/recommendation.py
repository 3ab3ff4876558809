"""The recommendation (innstilling): ranking with justifications, the target-group counts,
the writer's comment, the reminders, union remarks, and the PDF for the archive."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.access import AnyUser
from lim.core.errors import DomainError
from lim.documents.pdf import html_to_pdf
from lim.recruitment import rule_checks, selectors
from lim.recruitment.access import declaration_scope
from lim.recruitment.forms.hiring import (
    BaseRankingFormSet,
    RankingForm,
    RecommendationForm,
    UnionRemarkForm,
)
from lim.recruitment.identity import identity_for
from lim.recruitment.models import ApplicationStatus, Recommendation, RecruitmentCase
from lim.recruitment.records import recommendation_extras
from lim.recruitment.services import recommendation as recommendation_services
from lim.recruitment.services.recommendation import RankingInput
from lim.recruitment.views.common import actor, case_for, render_case_page, show_error

GROUP_LABELS = {
    "disability": gettext_lazy("Disability"),
    "cv_gap": gettext_lazy("Gap in the CV"),
    "immigrant_background": gettext_lazy("Immigrant background"),
}
RANKABLE = (ApplicationStatus.INTERVIEWED, ApplicationStatus.RECOMMENDED)


# Groups whose figures about few people are hidden: immigrant background is ethnic origin
# (GDPR art. 9), and a small count next to a short ranking points at named applicants.
SMALL_GROUPS_HIDDEN = ("immigrant_background",)
COUNT_COLUMNS = ("declared", "qualified", "interviewed", "ranked")


def _count_row(group: str, figures: dict[str, Any], min_group_size: int) -> dict[str, Any]:
    row = {"label": GROUP_LABELS[group], **figures}
    if group in SMALL_GROUPS_HIDDEN:
        hidden = _("hidden (group under %(n)s)") % {"n": min_group_size}
        for column in COUNT_COLUMNS:
            if isinstance(row.get(column), int) and row[column] < min_group_size:
                row[column] = hidden
    return row


def count_rows(user: AnyUser, case: RecruitmentCase, counts: dict[str, Any]) -> list[Any] | None:
    """The counts as table rows, cut to what the user may see (as with declarations),
    immigrant background only where the group is not small."""
    scope = declaration_scope(user, case)
    if scope is None:
        return None
    groups = ("disability", "cv_gap") if scope == "existence" else tuple(GROUP_LABELS)
    return [
        _count_row(group, counts[group], case.organisation.min_group_size)
        for group in groups
        if isinstance(counts.get(group), dict)
    ]


def finding_rows(findings: list[dict[str, Any]]) -> list[dict[str, str]]:
    lang = rule_checks.active_language()
    return [
        {
            "rule": f["rule"],
            "level": f["level"],
            "source": f["source"],
            "message": f["message"].get(lang, ""),
        }
        for f in findings
    ]


def _recommendation(case: RecruitmentCase) -> Recommendation | None:
    return (
        Recommendation.objects.filter(case=case)
        .prefetch_related("candidates__application", "union_remarks__author")
        .first()
    )


def _formset(
    user: AnyUser,
    case: RecruitmentCase,
    recommendation: Recommendation | None,
    data: Any = None,
) -> Any:
    identity = identity_for(user, case)
    candidates = case.applications.filter(status__in=RANKABLE).order_by(identity.sort_field, "id")
    initial = (
        [
            {
                "application": c.application,
                "justification": identity.text(c.justification, c.application),
            }
            for c in recommendation.candidates.all()
        ]
        if recommendation
        else []
    )
    # One row per rankable candidate: the order of the rows is the ranking.
    extra = max(candidates.count() - len(initial), 0)
    formset_class = forms.formset_factory(RankingForm, formset=BaseRankingFormSet, extra=extra)
    return formset_class(
        data,
        initial=initial,
        prefix="ranking",
        form_kwargs={"candidates": candidates, "label": identity.label},
    )


def _render(
    request: HttpRequest,
    case: RecruitmentCase,
    *,
    formset: Any = None,
    form: RecommendationForm | None = None,
    remark_form: UnionRemarkForm | None = None,
) -> HttpResponse:
    user = actor(request)
    recommendation = _recommendation(case)
    counts = (
        recommendation.target_group_counts
        if recommendation
        else selectors.target_group_counts_for_user(user=user, case=case) or {}
    )
    return render_case_page(
        request,
        "recruitment/recommendation.html",
        case,
        recommendation=recommendation,
        formset=formset or _formset(user, case, recommendation),
        form=form
        or RecommendationForm(
            initial={"comment": recommendation.comment if recommendation else ""}
        ),
        remark_form=remark_form or UnionRemarkForm(),
        counts=count_rows(user, case, counts),
        findings=finding_rows(recommendation.findings) if recommendation else [],
        may_remark=declaration_scope(user, case) == "existence",
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    if request.method == "GET":
        return _render(request, case_for(request, case_id))
    case = case_for(request, case_id, need="write")
    formset = _formset(actor(request), case, _recommendation(case), request.POST)
    form = RecommendationForm(request.POST)
    if formset.is_valid() and form.is_valid():
        ranking = [
            RankingInput(application=row["application"], justification=row["justification"])
            for row in formset.cleaned_data
            if row.get("application")
        ]
        try:
            recommendation_services.recommendation_save(
                actor=actor(request),
                case=case,
                ranking=ranking,
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The recommendation was saved."))
            return redirect("recruitment:recommendation", case_id=case.id)
    return _render(request, case, formset=formset, form=form)


@login_required
@require_POST
def union_remark(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Union representatives read the case and add remarks; the service checks the role."""
    case = case_for(request, case_id)
    form = UnionRemarkForm(request.POST)
    if form.is_valid():
        try:
            recommendation_services.union_remark_add(
                actor=actor(request), case=case, text=form.cleaned_data["text"]
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Your remark was added."))
            return redirect("recruitment:recommendation", case_id=case.id)
    return _render(request, case, remark_form=form)


@login_required
@require_GET
def recommendation_pdf(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id)
    recommendation = _recommendation(case)
    if recommendation is None:
        return redirect("recruitment:recommendation", case_id=case.id)
    document = render_to_string(
        "recruitment/recommendation_pdf.html",
        {
            "case": case,
            "identity": identity_for(actor(request), case),
            "recommendation": recommendation,
            "counts": count_rows(actor(request), case, recommendation.target_group_counts),
            "findings": finding_rows(recommendation.findings),
            **recommendation_extras(case),
        },
        request=request,
    )
    pdf = html_to_pdf(document)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="innstilling-{case.id}.pdf"'
    return response
