"""The recommendation (innstilling), union remarks and the decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.access import roles_in_unit
from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import Role, User
from lim.recruitment import rule_checks
from lim.recruitment.identity import identity_for
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    CaseStep,
    Decision,
    RankedCandidate,
    Recommendation,
    RecruitmentCase,
    UnionRemark,
)
from lim.recruitment.rule_checks import FindingView
from lim.recruitment.services.common import (
    lock_case,
    move_application,
    move_case,
    now_or_default,
    require_step,
)


@dataclass(frozen=True)
class RankingInput:
    application: Application
    justification: str


@dataclass(frozen=True)
class RecommendationOutcome:
    recommendation: Recommendation
    # warn and info findings (SEL-EQUAL-QUALIFIED's reminder among them) to show the writer
    findings: list[FindingView]


@transaction.atomic
def recommendation_save(
    *,
    actor: User,
    case: RecruitmentCase,
    ranking: Sequence[RankingInput],
    comment: str,
    now: dt.datetime | None = None,
) -> RecommendationOutcome:
    """Write (or rewrite, before the decision) the ranked recommendation.

    SEL-QUALIFICATION blocks a ranking without justifications; SEL-REC-COUNTS freezes the
    target-group counts and wants the writer's comment on them.
    """
    now = now_or_default(now)
    case = lock_case(case)
    require_step(case, CaseStep.SELECTION, CaseStep.RECOMMENDATION)
    if not ranking:
        raise DomainError(_("Rank at least one candidate."), field="ranking")
    ids = [item.application.id for item in ranking]
    if len(set(ids)) != len(ids):
        raise DomainError(_("A candidate is ranked twice."), field="ranking")
    applications = {a.id: a for a in case.applications.select_for_update().filter(id__in=ids)}
    if len(applications) != len(ids):
        raise DomainError(_("A ranked candidate belongs to another case."), field="ranking")
    for application in applications.values():
        if application.status not in (
            ApplicationStatus.INTERVIEWED,
            ApplicationStatus.RECOMMENDED,
        ):
            raise DomainError(
                _("Only interviewed candidates can be ranked: %(name)s")
                % {"name": identity_for(actor, case).label(application)},
                field="ranking",
            )
    counts, findings = rule_checks.check_recommendation(
        case=case,
        ranking=[(item.application.id, item.justification) for item in ranking],
        comment=comment,
    )
    recommendation, _made = Recommendation.objects.update_or_create(
        case=case,
        defaults={
            "written_by": actor,
            "written_at": now,
            "target_group_counts": counts,
            "comment": comment.strip(),
            "findings": [rule_checks.finding_dict(f) for f in findings],
        },
    )
    recommendation.candidates.all().delete()
    RankedCandidate.objects.bulk_create(
        RankedCandidate(
            recommendation=recommendation,
            application_id=item.application.id,
            rank=rank,
            justification=item.justification.strip(),
        )
        for rank, item in enumerate(ranking, start=1)
    )
    for application in case.applications.select_for_update().filter(
        status=ApplicationStatus.RECOMMENDED
    ):
        if application.id not in applications:
            move_application(
                actor=actor, application=application, to=ApplicationStatus.INTERVIEWED, now=now
            )
    for application_id in ids:
        move_application(
            actor=actor,
            application=applications[application_id],
            to=ApplicationStatus.RECOMMENDED,
            now=now,
        )
    audit_record(
        actor=actor,
        action="recommendation.save",
        obj=case,
        at=now,
        details={
            "ranking": [str(i) for i in ids],
            "counts": counts,
            "findings": [f.rule for f in findings],
        },
    )
    move_case(actor=actor, case=case, to=CaseStep.RECOMMENDATION, now=now)
    return RecommendationOutcome(recommendation=recommendation, findings=findings)


@transaction.atomic
def union_remark_add(
    *, actor: User, case: RecruitmentCase, text: str, now: dt.datetime | None = None
) -> UnionRemark:
    """A union representative of the unit adds a remark to the recommendation."""
    now = now_or_default(now)
    case = lock_case(case)
    if Role.UNION_REPRESENTATIVE not in roles_in_unit(actor, case.unit):
        raise DomainError(_("Only the union representatives can add remarks."), field="text")
    require_step(case, CaseStep.RECOMMENDATION)
    if not text.strip():
        raise DomainError(_("Write the remark."), field="text")
    remark = UnionRemark.objects.create(
        recommendation=case.recommendation, author=actor, text=text.strip(), created_at=now
    )
    audit_record(
        actor=actor,
        action="recommendation.union_remark",
        obj=case,
        at=now,
        details={"remark": str(remark.id)},
    )
    return remark


def _deciding_capacity(actor: User, case: RecruitmentCase) -> str:
    if Role.HIRING_COUNCIL in roles_in_unit(actor, case.unit):
        return Role.HIRING_COUNCIL
    if case.hiring_manager_id == actor.pk:
        return Role.HIRING_MANAGER
    raise DomainError(
        _("Only the hiring council or the case's hiring manager can decide."), field="decision"
    )


@transaction.atomic
def decision_record(
    *,
    actor: User,
    case: RecruitmentCase,
    chosen: Application,
    text: str,
    now: dt.datetime | None = None,
    advice: list[rule_checks.FindingView] | None = None,
) -> Decision:
    """Decide whom to offer the job: a ranked candidate, or (on a route exempt from the
    recommendation, statsansatteloven § 7) a qualified or interviewed applicant. The
    rules' findings that do not block are added to `advice`."""
    found: list[rule_checks.FindingView] = []
    now = now_or_default(now)
    case = lock_case(case)
    decided_as = _deciding_capacity(actor, case)
    if not text.strip():
        raise DomainError(_("Write the decision."), field="text")
    recommendation = Recommendation.objects.filter(case=case).first()
    if case.step == CaseStep.SELECTION:
        found += rule_checks.check_skip(
            case=case, exemption="recommendation", today=timezone.localdate(now)
        )
        recommendation = None
    else:
        require_step(case, CaseStep.RECOMMENDATION, CaseStep.DECISION)
    chosen = case.applications.select_for_update().get(pk=chosen.pk)
    found += rule_checks.check_person_route(case=case, person=chosen, today=timezone.localdate(now))
    if advice is not None:
        advice.extend(found)
    if recommendation is not None:
        if not recommendation.candidates.filter(application=chosen).exists():
            raise DomainError(_("Choose one of the ranked candidates."), field="chosen")
        if chosen.status != ApplicationStatus.RECOMMENDED:
            raise DomainError(_("This candidate can no longer be chosen."), field="chosen")
    elif chosen.status not in (ApplicationStatus.QUALIFIED, ApplicationStatus.INTERVIEWED):
        raise DomainError(_("Choose a qualified applicant."), field="chosen")
    decision = Decision.objects.create(
        case=case,
        recommendation=recommendation,
        chosen=chosen,
        text=text.strip(),
        decided_as=decided_as,
        decided_by=actor,
        decided_at=now,
        number=Decision.objects.filter(case=case).count() + 1,
    )
    audit_record(
        actor=actor,
        action="case.decision",
        obj=case,
        at=now,
        details={"chosen": str(chosen.id), "decided_as": decided_as},
    )
    move_case(actor=actor, case=case, to=CaseStep.DECISION, now=now)
    return decision
