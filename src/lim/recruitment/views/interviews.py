"""The interview list (with the interview duty), scheduling, the .ics file, the guide
and its scores, and reference checks."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lim.core.errors import DomainError
from lim.recruitment import selectors
from lim.recruitment.forms.selection import (
    AccommodationForm,
    InterviewListForm,
    InterviewScheduleForm,
    ReferenceCheckForm,
    ScoreForm,
)
from lim.recruitment.identity import Identity, identity_for
from lim.recruitment.models import ApplicationStatus, Interview, RecruitmentCase
from lim.recruitment.services import interviews as interview_services
from lim.recruitment.services import selection as selection_services
from lim.recruitment.views.common import (
    actor,
    application_for,
    case_for,
    case_people,
    render_case_page,
    show_advice,
    show_error,
)

CANDIDATES = (ApplicationStatus.QUALIFIED, ApplicationStatus.INVITED)


def _candidates(case: RecruitmentCase, identity: Identity) -> Any:
    """Whom the list may invite, in the order of what the page shows (name or code)."""
    return case.applications.filter(status__in=CANDIDATES).order_by(identity.sort_field, "id")


def _render_list(
    request: HttpRequest,
    case: RecruitmentCase,
    form: InterviewListForm | None = None,
    guide_form: forms.Form | None = None,
) -> HttpResponse:
    identity = identity_for(actor(request), case)
    candidates = _candidates(case, identity)
    invited = candidates.filter(status=ApplicationStatus.INVITED)
    if form is None:
        form = InterviewListForm(
            candidates=candidates,
            label=identity.label,
            initial={"invited": list(invited.values_list("id", flat=True))},
        )
    return render_case_page(
        request,
        "recruitment/interview_list.html",
        case,
        form=form,
        guide_form=guide_form or forms.Form(),
        invited=invited,
        interviews=Interview.objects.filter(application__case=case)
        .select_related("application")
        .order_by("starts_at"),
        criteria=case.interview_criteria.all(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_list(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Choose whom to invite; finalising runs the interview duty and may be blocked."""
    if request.method == "GET":
        return _render_list(request, case_for(request, case_id))
    case = case_for(request, case_id, need="write")
    identity = identity_for(actor(request), case)
    form = InterviewListForm(
        request.POST, candidates=_candidates(case, identity), label=identity.label
    )
    if form.is_valid():
        try:
            findings = selection_services.interview_list_finalise(
                actor=actor(request), case=case, invited=list(form.cleaned_data["invited"])
            )
        except DomainError as error:
            show_error(form, error)
        else:
            show_advice(request, findings)
            messages.success(request, _("The interview list was finalised."))
            return redirect("recruitment:interview_list", case_id=case.id)
    return _render_list(request, case, form=form)


@login_required
@require_POST
def interview_guide(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    form = forms.Form(request.POST)
    try:
        interview_services.interview_guide_generate(actor=actor(request), case=case)
    except DomainError as error:
        show_error(form, error)
        return _render_list(request, case, guide_form=form)
    messages.success(request, _("The interview guide was made from the competence profile."))
    return redirect("recruitment:interview_list", case_id=case.id)


@login_required
@require_http_methods(["GET", "POST"])
def interview_schedule(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write" if request.method == "POST" else "read")
    application = application_for(case, application_id)
    form = InterviewScheduleForm(request.POST or None, panel=case_people(case))
    if request.method == "POST" and form.is_valid():
        try:
            interview = interview_services.interview_schedule(
                actor=actor(request), application=application, **form.cleaned_data
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The interview was scheduled."))
            return redirect(
                "recruitment:interview_detail", case_id=case.id, interview_id=interview.id
            )
    return render_case_page(
        request, "recruitment/interview_schedule.html", case, form=form, application=application
    )


def _interview(case: RecruitmentCase, interview_id: uuid.UUID) -> Interview:
    interview = (
        Interview.objects.select_related("application__case__organisation")
        .filter(pk=interview_id, application__case=case)
        .first()
    )
    if interview is None:
        raise Http404
    return interview


def _render_interview(
    request: HttpRequest, case: RecruitmentCase, interview: Interview, **forms_: forms.Form
) -> HttpResponse:
    user = actor(request)
    context: dict[str, Any] = {
        "interview": interview,
        "application": interview.application,
        "panel": interview.panel.all(),
        "on_panel": interview.panel.filter(pk=user.pk).exists(),
        "scores": selectors.interview_scores(interview=interview),
        "score_form": ScoreForm(criteria=list(case.interview_criteria.all())),
        "accommodation_form": AccommodationForm(initial={"answer": interview.accommodation_answer}),
        "action_form": forms.Form(),
    }
    context.update(forms_)
    return render_case_page(request, "recruitment/interview_detail.html", case, **context)


@login_required
@require_GET
def interview_detail(
    request: HttpRequest, case_id: uuid.UUID, interview_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id)
    return _render_interview(request, case, _interview(case, interview_id))


@login_required
@require_POST
def interview_scores(
    request: HttpRequest, case_id: uuid.UUID, interview_id: uuid.UUID
) -> HttpResponse:
    """A panel member's scores; the service refuses anyone outside the panel."""
    case = case_for(request, case_id)
    interview = _interview(case, interview_id)
    form = ScoreForm(request.POST, criteria=list(case.interview_criteria.all()))
    if form.is_valid():
        try:
            with transaction.atomic():
                for criterion, score, note in form.scores():
                    interview_services.interview_score_record(
                        actor=actor(request),
                        interview=interview,
                        criterion=criterion,
                        score=score,
                        note=note,
                    )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Your scores were saved."))
            return redirect(
                "recruitment:interview_detail", case_id=case.id, interview_id=interview.id
            )
    return _render_interview(request, case, interview, score_form=form)


@login_required
@require_POST
def interview_accommodation(
    request: HttpRequest, case_id: uuid.UUID, interview_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    interview = _interview(case, interview_id)
    form = AccommodationForm(request.POST)
    if form.is_valid():
        interview_services.interview_accommodation_answer(
            actor=actor(request), interview=interview, answer=form.cleaned_data["answer"]
        )
        messages.success(request, _("The answer was saved."))
        return redirect("recruitment:interview_detail", case_id=case.id, interview_id=interview.id)
    return _render_interview(request, case, interview, accommodation_form=form)


@login_required
@require_POST
def interview_held(
    request: HttpRequest, case_id: uuid.UUID, interview_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write")
    interview = _interview(case, interview_id)
    form = forms.Form(request.POST)
    try:
        interview_services.interview_held(actor=actor(request), interview=interview)
    except DomainError as error:
        show_error(form, error)
        return _render_interview(request, case, interview, action_form=form)
    messages.success(request, _("The interview was marked as held."))
    return redirect("recruitment:interview_detail", case_id=case.id, interview_id=interview.id)


@login_required
@require_GET
def interview_ics(
    request: HttpRequest, case_id: uuid.UUID, interview_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id)
    interview = _interview(case, interview_id)
    calendar = selectors.interview_calendar(
        interview=interview, language=get_language() or "nb", stamp=interview.invited_at
    )
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="interview-{interview.id}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def reference_check(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> HttpResponse:
    case = case_for(request, case_id, need="write" if request.method == "POST" else "read")
    application = application_for(case, application_id)
    form = ReferenceCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interview_services.reference_check_record(
                actor=actor(request),
                application=application,
                referee_name=data["referee_name"],
                referee_relation=data["referee_relation"],
                referee_phone=data["referee_phone"],
                answers=form.answers(),
            )
        except DomainError as error:
            show_error(form, error)
        else:
            messages.success(request, _("The reference check was saved."))
            return redirect(
                "recruitment:application_detail", case_id=case.id, application_id=application.id
            )
    return render_case_page(
        request,
        "recruitment/reference_check.html",
        case,
        form=form,
        application=application,
        checks=application.reference_checks.all(),
    )
