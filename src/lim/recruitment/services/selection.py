"""Selection: assessment per requirement, qualification, the interview list (with the
interview duty), interviews, the interview guide and reference checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.identity import identity_for
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    Assessment,
    AssessmentResult,
    CaseStep,
    JobAd,
    RecruitmentCase,
    Requirement,
    RequirementKind,
)
from lim.recruitment.rule_checks import FindingView
from lim.recruitment.services.common import (
    lock_application,
    lock_case,
    move_application,
    move_case,
    now_or_default,
    require_step,
)


@transaction.atomic
def selection_start(
    *, actor: User, case: RecruitmentCase, now: dt.datetime | None = None
) -> RecruitmentCase:
    """Close the application period and start selection (after the deadline)."""
    now = now_or_default(now)
    case = lock_case(case)
    require_step(case, CaseStep.APPLICATIONS)
    ad = JobAd.objects.filter(case=case).first()
    if ad is not None and ad.deadline is not None and timezone.localdate(now) <= ad.deadline:
        raise DomainError(_("Selection starts after the deadline."), field="step")
    move_case(actor=actor, case=case, to=CaseStep.SELECTION, now=now)
    return case


@transaction.atomic
def assessment_record(
    *,
    actor: User,
    application: Application,
    requirement: Requirement,
    result: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> Assessment:
    """Assess one requirement for one application (met, partly, not met)."""
    now = now_or_default(now)
    lock_case(application.case)
    application = lock_application(application)
    require_step(application.case, CaseStep.APPLICATIONS, CaseStep.SELECTION)
    if requirement.job_analysis.case_id != application.case_id:
        raise DomainError(_("The requirement belongs to another case."), field="requirement")
    if result not in AssessmentResult.values:
        raise DomainError(_("Choose met, partly met or not met."), field="result")
    if application.status not in {
        ApplicationStatus.NEW,
        ApplicationStatus.UNDER_ASSESSMENT,
        ApplicationStatus.QUALIFIED,
        ApplicationStatus.NOT_QUALIFIED,
    }:
        raise DomainError(_("This application is past assessment."), field="status")
    previous = Assessment.objects.filter(application=application, requirement=requirement).first()
    assessment, _made = Assessment.objects.update_or_create(
        application=application,
        requirement=requirement,
        defaults={"result": result, "note": note.strip(), "assessed_by": actor, "assessed_at": now},
    )
    audit_record(
        actor=actor,
        action="assessment.record",
        obj=application,
        organisation=application.case.organisation,
        at=now,
        details={
            "requirement": str(requirement.id),
            "result": {"old": previous.result if previous else None, "new": result},
        },
    )
    # A changed assessment reopens the decision on qualification.
    move_application(
        actor=actor, application=application, to=ApplicationStatus.UNDER_ASSESSMENT, now=now
    )
    return assessment


@transaction.atomic
def qualification_decide(
    *,
    actor: User,
    application: Application,
    override: bool = False,
    justification: str = "",
    now: dt.datetime | None = None,
) -> Application:
    """Qualified unless a must-requirement is not met; the assessor may override the
    outcome with a justification."""
    now = now_or_default(now)
    lock_case(application.case)
    application = lock_application(application)
    musts = list(
        Requirement.objects.filter(
            job_analysis__case_id=application.case_id, kind=RequirementKind.MUST
        )
    )
    results = dict(
        Assessment.objects.filter(application=application).values_list("requirement_id", "result")
    )
    missing = [r.text for r in musts if r.id not in results]
    if missing:
        raise DomainError(
            _("Assess every must-requirement first: %(missing)s") % {"missing": ", ".join(missing)},
            field="assessments",
        )
    qualified = all(results[r.id] != AssessmentResult.NOT_MET for r in musts)
    if override:
        if not justification.strip():
            raise DomainError(
                _("Give a justification for overriding the assessment."), field="justification"
            )
        qualified = not qualified
    target = ApplicationStatus.QUALIFIED if qualified else ApplicationStatus.NOT_QUALIFIED
    application.qualification_override = override
    application.qualification_justification = justification.strip() if override else ""
    application.save(update_fields=["qualification_override", "qualification_justification"])
    move_application(actor=actor, application=application, to=target, now=now)
    audit_record(
        actor=actor,
        action="application.qualification",
        obj=application,
        organisation=application.case.organisation,
        at=now,
        details={"qualified": qualified, "override": override},
    )
    return application


@transaction.atomic
def interview_list_finalise(
    *,
    actor: User,
    case: RecruitmentCase,
    invited: Sequence[Application],
    now: dt.datetime | None = None,
) -> list[FindingView]:
    """Fix who is invited to interview. SEL-INTERVIEW-DISABILITY and SEL-INTERVIEW-CVGAP
    block when a qualified applicant from a target group is declared and none of them is
    invited; on success the invited applicants' status becomes invited."""
    now = now_or_default(now)
    case = lock_case(case)
    require_step(case, CaseStep.SELECTION)
    chosen = list(case.applications.select_for_update().filter(id__in=[a.id for a in invited]))
    if len(chosen) != len({a.id for a in invited}):
        raise DomainError(_("An applicant on the list belongs to another case."), field="invited")
    if not chosen:
        raise DomainError(_("Choose who to invite to interview."), field="invited")
    for application in chosen:
        if application.status not in (ApplicationStatus.QUALIFIED, ApplicationStatus.INVITED):
            raise DomainError(
                _("Only qualified applicants can be invited: %(name)s")
                % {"name": identity_for(actor, case).label(application)},
                field="invited",
            )
    already = set(
        case.applications.filter(status=ApplicationStatus.INVITED).values_list("id", flat=True)
    )
    invited_ids = already | {a.id for a in chosen}
    findings = rule_checks.check_interview_list(case=case, invited_ids=invited_ids)
    for application in chosen:
        move_application(
            actor=actor, application=application, to=ApplicationStatus.INVITED, now=now
        )
    audit_record(
        actor=actor,
        action="interview_list.finalise",
        obj=case,
        at=now,
        details={
            "invited": sorted(str(i) for i in invited_ids),
            "findings": [f.rule for f in findings],
        },
    )
    return findings
