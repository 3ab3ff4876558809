"""The job analysis: tasks, competence profile, requirements, employment form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.models import (
    CaseStep,
    EmploymentForm,
    JobAnalysis,
    RecruitmentCase,
    Requirement,
    RequirementKind,
    TemporaryBasis,
)
from lim.recruitment.services.common import clean, lock_case, move_case, now_or_default
from lim.recruitment.styrk import occupation_title

ANALYSIS_FIELDS = (
    "tasks",
    "competence_profile",
    "education_level",
    "employment_form",
    "temporary_basis",
    "temporary_start",
    "temporary_end",
    "fte_percent",
    "reduced_percentage_possible",
    "location",
    "salary_min",
    "salary_max",
    "occupation_code",
)


@dataclass(frozen=True)
class RequirementInput:
    text: str
    kind: str
    justification: str


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _validate(analysis: JobAnalysis, requirements: Sequence[RequirementInput]) -> None:
    if not analysis.tasks.strip():
        raise DomainError(_("Describe the tasks."), field="tasks")
    if not analysis.competence_profile.strip():
        raise DomainError(_("Describe the competence the job needs."), field="competence_profile")
    if analysis.employment_form not in EmploymentForm.values:
        raise DomainError(_("Choose permanent or temporary."), field="employment_form")
    if analysis.employment_form == EmploymentForm.TEMPORARY:
        # Whether a basis is needed and which fits the route is ROUTE-TEMP-BASIS's call.
        if analysis.temporary_basis and analysis.temporary_basis not in TemporaryBasis.values:
            raise DomainError(_("Choose a basis a–e."), field="temporary_basis")
        if (
            analysis.temporary_start is not None
            and analysis.temporary_end is not None
            and analysis.temporary_end < analysis.temporary_start
        ):
            raise DomainError(_("The end date is before the start date."), field="temporary_end")
    else:
        analysis.temporary_basis = ""
        analysis.temporary_start = analysis.temporary_end = None
    if (
        analysis.salary_min is not None
        and analysis.salary_max is not None
        and analysis.salary_max < analysis.salary_min
    ):
        raise DomainError(_("The salary range ends below where it starts."), field="salary_max")
    if analysis.occupation_code and occupation_title(analysis.occupation_code) is None:
        raise DomainError(_("Not an occupation code in STYRK-08."), field="occupation_code")
    for requirement in requirements:
        if not requirement.text.strip():
            raise DomainError(_("A requirement has no text."), field="requirements")
        if requirement.kind not in RequirementKind.values:
            raise DomainError(_("Mark each requirement must or should."), field="requirements")
        # Requirements no higher than the tasks need: each one says why the job needs it.
        if not requirement.justification.strip():
            raise DomainError(
                _("Say why the job needs “%(requirement)s”.") % {"requirement": requirement.text},
                field="requirements",
            )


@transaction.atomic
def job_analysis_save(
    *,
    actor: User,
    case: RecruitmentCase,
    tasks: str,
    competence_profile: str,
    employment_form: str,
    requirements: Sequence[RequirementInput],
    education_level: str = "",
    temporary_basis: str = "",
    temporary_start: dt.date | None = None,
    temporary_end: dt.date | None = None,
    fte_percent: int = 100,
    reduced_percentage_possible: bool = False,
    location: str = "",
    salary_min: int | None = None,
    salary_max: int | None = None,
    occupation_code: str = "",
    now: dt.datetime | None = None,
    advice: list[rule_checks.FindingView] | None = None,
) -> JobAnalysis:
    """Write the job analysis and its requirements (replacing earlier ones). The rules'
    findings on the employment that do not block are added to `advice`."""
    now = now_or_default(now)
    case = lock_case(case)
    if case.step not in (CaseStep.NEED, CaseStep.JOB_ANALYSIS, CaseStep.AD):
        raise DomainError(
            _("The job analysis cannot change after the ad is published."), field="step"
        )
    analysis = JobAnalysis.objects.filter(case=case).first() or JobAnalysis(case=case)
    before = {name: _jsonable(getattr(analysis, name)) for name in ANALYSIS_FIELDS}
    values = {
        "tasks": tasks.strip(),
        "competence_profile": competence_profile.strip(),
        "education_level": education_level.strip(),
        "employment_form": employment_form,
        "temporary_basis": temporary_basis,
        "temporary_start": temporary_start,
        "temporary_end": temporary_end,
        "fte_percent": fte_percent,
        "reduced_percentage_possible": reduced_percentage_possible,
        "location": location.strip(),
        "salary_min": salary_min,
        "salary_max": salary_max,
        "occupation_code": occupation_code.strip(),
    }
    for name, value in values.items():
        setattr(analysis, name, value)
    analysis.updated_by = actor
    analysis.updated_at = now
    _validate(analysis, requirements)
    clean(analysis, exclude=["case"])
    found = rule_checks.check_employment(
        case=case, analysis=analysis, today=timezone.localdate(now)
    )
    if advice is not None:
        advice.extend(found)
    analysis.save()
    old_requirements = [
        {"text": r.text, "kind": r.kind} for r in analysis.requirements.order_by("order")
    ]
    analysis.requirements.all().delete()
    Requirement.objects.bulk_create(
        Requirement(
            job_analysis=analysis,
            text=item.text.strip(),
            kind=item.kind,
            justification=item.justification.strip(),
            order=index,
        )
        for index, item in enumerate(requirements)
    )
    new_requirements = [{"text": r.text.strip(), "kind": r.kind} for r in requirements]
    after = {name: _jsonable(getattr(analysis, name)) for name in ANALYSIS_FIELDS}
    details = {
        name: {"old": before[name], "new": value}
        for name, value in after.items()
        if before[name] != value
    }
    if old_requirements != new_requirements:
        details["requirements"] = {"old": old_requirements, "new": new_requirements}
    audit_record(actor=actor, action="job_analysis.save", obj=case, at=now, details=details)
    if case.step == CaseStep.NEED:
        move_case(actor=actor, case=case, to=CaseStep.JOB_ANALYSIS, now=now)
    return analysis
