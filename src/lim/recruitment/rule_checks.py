"""The one place where recruitment data meets lim.rules.

Each function maps models to the rules' fact dataclasses, evaluates the rule, adjusts the
findings to the organisation's settings (done inside the rules), and raises `RuleBlocked`
when a finding is `block`. What the rules decide is never decided here; this module only
chooses which facts to give them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.utils.translation import get_language

from lim.core.errors import DomainError
from lim.core.models import Organisation
from lim.rules.base import Finding, Lang, Level, Messages, OrganisationSettings, Sector
from lim.rules.employment import Employment, Route, TemporaryBasis
from lim.rules.inclusion import INCLUSION_PARAMETERS
from lim.rules.interview import SelectionApplicant, check_interview_duty
from lim.rules.nav_checkpoint import NavCheckpoint as CheckpointFacts
from lim.rules.nav_checkpoint import check_nav_checkpoint, check_nav_report
from lim.rules.recommendation import (
    RankedCandidate,
    RecommendationFacts,
    check_equal_qualified,
    check_qualification,
    recommendation_counts,
)
from lim.rules.routes import ROUTE_ANNOUNCE, RouteFacts, RouteResult
from lim.rules.routes import check_route as evaluate_route
from lim.rules.target_groups import (
    TARGET_GROUPS,
    Absence,
    AbsenceCause,
    CurrentEmployment,
    CvGapFacts,
    Declaration,
    EmploymentKind,
)
from lim.rules.target_groups import (
    evaluate_cv_gap as evaluate_cv_gap_rule,
)

if TYPE_CHECKING:
    from lim.recruitment.models import (
        Application,
        JobAd,
        JobAnalysis,
        RecruitmentCase,
    )
    from lim.recruitment.services.applications import AbsencePeriod

FindingView = Finding
LANGS: tuple[Lang, ...] = ("nb", "nn", "en")

# Statuses that mean the applicant was assessed as qualified, and that they were invited.
_QUALIFIED = frozenset({"qualified", "invited", "interviewed", "recommended", "offered", "hired"})
_INVITED = frozenset({"invited", "interviewed", "recommended", "offered", "hired"})


def active_language() -> Lang:
    """The request's language as one of the rules' languages (bokmål by default)."""
    code = (get_language() or "nb").split("-")[0].lower()
    return "nn" if code == "nn" else "en" if code == "en" else "nb"


class RuleBlocked(DomainError):
    """A rule blocks the step. The message (in the active language) names the legal source;
    `findings` holds every finding, for views that show them all."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        lang = active_language()
        message = " ".join(
            f"{f.message.get(lang)} ({f.source})" for f in self.findings if f.level is Level.BLOCK
        )
        super().__init__(message, field=None)

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.findings if f.level is Level.BLOCK)


def _settle(findings: Iterable[Finding]) -> list[Finding]:
    """Raise on a block; otherwise the findings for the caller to show."""
    found = list(findings)
    if any(f.level is Level.BLOCK for f in found):
        raise RuleBlocked(found)
    return found


def settings_for(organisation: Organisation) -> OrganisationSettings:
    return OrganisationSettings(
        sector=Sector(organisation.sector),
        staff_regulations_allow_12_months=organisation.staff_regulations_allow_12_months,
        require_nav_checkpoint=organisation.require_nav_checkpoint,
    )


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding for storing as JSON: every language, so it can be shown in any later."""
    return {
        "rule": finding.rule,
        "level": finding.level.value,
        "source": finding.source,
        "message": finding.message.to_dict(),
    }


# -- target groups --------------------------------------------------------------------


def evaluate_cv_gap(
    *,
    organisation: Organisation,
    application_date: dt.date,
    periods: Sequence[AbsencePeriod],
    current_employment: dict[str, Any],
) -> tuple[bool, dict[str, Any]]:
    """TG-CVGAP on the periods the applicant gave: (in the group?, the result as JSON with
    the reasons in every language, to show the applicant how it was reached)."""
    try:
        facts = CvGapFacts(
            application_date=application_date,
            absences=tuple(Absence(p.start, p.end, AbsenceCause(p.cause)) for p in periods),
            current_employment=CurrentEmployment(
                kind=EmploymentKind(current_employment.get("kind", "none")),
                start=current_employment.get("start"),
                end=current_employment.get("end"),
            ),
        )
    except ValueError as exc:
        raise DomainError(str(exc), field="cv_gap_periods") from exc
    outcome = evaluate_cv_gap_rule(facts=facts, organisation=settings_for(organisation))
    result: dict[str, Any] = outcome.result.to_dict("nb")
    result["reasons"] = {lang: outcome.result.to_dict(lang)["reasons"] for lang in LANGS}
    return outcome.result.qualifies, result


def _declared(application: Application) -> frozenset[Declaration]:
    declaration = getattr(application, "declaration", None)
    if declaration is None:
        return frozenset()
    groups = set()
    if declaration.disability:
        groups.add(Declaration.DISABILITY)
    if declaration.cv_gap:
        groups.add(Declaration.CV_GAP)
    if declaration.immigrant_background:
        groups.add(Declaration.IMMIGRANT_BACKGROUND)
    return frozenset(groups)


def _selection_applicants(
    case: RecruitmentCase, invited_ids: set[uuid.UUID] | None = None
) -> tuple[SelectionApplicant, ...]:
    applications = case.applications.exclude(status="withdrawn").select_related("declaration")
    return tuple(
        SelectionApplicant(
            id=str(a.id),
            qualified=a.status in _QUALIFIED,
            declared=_declared(a),
            invited=(a.id in invited_ids) if invited_ids is not None else a.status in _INVITED,
        )
        for a in applications
    )


# -- routes, the NAV checkpoint and the ad --------------------------------------------


def _route_facts(
    case: RecruitmentCase,
    analysis: JobAnalysis | None,
    route: str,
    today: dt.date,
    person: Application | None,
) -> RouteFacts | None:
    """ROUTE's facts. Before a candidate is chosen the person's facts are not known; they
    are then taken as given, so only the position's facts are checked, and the person's
    are checked when the decision is made."""
    if analysis is None:
        return None
    temporary = analysis.employment_form == "temporary"
    start = (analysis.temporary_start if temporary else None) or case.desired_start or today
    if person is None:
        target_group = frozenset(TARGET_GROUPS)
        wage_subsidy = completed_trainee = True
    else:
        target_group = _declared(person)
        wage_subsidy, completed_trainee = person.has_wage_subsidy, person.completed_trainee_here
    return RouteFacts(
        route=Route(route),
        employment=Employment.TEMPORARY if temporary else Employment.PERMANENT,
        start=start,
        end=analysis.temporary_end if temporary else None,
        temporary_basis=TemporaryBasis(analysis.temporary_basis)
        if analysis.temporary_basis
        else None,
        target_group=target_group,
        has_wage_subsidy=wage_subsidy,
        completed_trainee_here=completed_trainee,
    )


def _route_outcome(
    case: RecruitmentCase,
    *,
    route: str | None = None,
    analysis: JobAnalysis | None = None,
    today: dt.date,
    person: Application | None = None,
) -> tuple[RouteResult | None, list[Finding]]:
    from lim.recruitment.models import JobAnalysis

    if analysis is None:
        analysis = JobAnalysis.objects.filter(case=case).first()
    facts = _route_facts(case, analysis, route or case.route, today, person)
    if facts is None:
        return None, []
    outcome = evaluate_route(facts=facts, organisation=settings_for(case.organisation))
    return outcome.result, list(outcome.findings)


def check_route(*, case: RecruitmentCase, route: str, today: dt.date) -> list[Finding]:
    """ROUTE for a newly chosen route, when the job analysis already gives the position."""
    _result, findings = _route_outcome(case, route=route, today=today)
    return _settle(findings)


def check_employment(
    *, case: RecruitmentCase, analysis: JobAnalysis, today: dt.date
) -> list[Finding]:
    """ROUTE (with ROUTE-TEMP-BASIS) for the employment form the job analysis describes."""
    _result, findings = _route_outcome(case, analysis=analysis, today=today)
    return _settle(findings)


def _checkpoint_facts(case: RecruitmentCase) -> CheckpointFacts | None:
    from lim.recruitment.models import NavCheckpoint

    checkpoint = NavCheckpoint.objects.filter(case=case).first()
    if checkpoint is None:
        return None
    return CheckpointFacts(
        can_target_group_fill=checkpoint.can_target_group_fill == "yes",
        ask_nav=checkpoint.ask_nav,
        reason=checkpoint.reason,
        route=Route(checkpoint.route),
    )


def check_ad_publish(*, case: RecruitmentCase, ad: JobAd, today: dt.date) -> list[Finding]:
    """NAV-CHECKPOINT, ROUTE and ROUTE-NAV-REPORT before the ad goes out. An internal-only
    ad is allowed only where ROUTE says announcement is not required."""
    settings = settings_for(case.organisation)
    findings = list(
        check_nav_checkpoint(checkpoint=_checkpoint_facts(case), organisation=settings).findings
    )
    result, route_findings = _route_outcome(case, today=today)
    findings += route_findings
    announcement_required = result is None or result.announcement_required
    if "internal_only" in ad.channels and announcement_required:
        findings.append(
            ROUTE_ANNOUNCE.finding(
                Level.BLOCK,
                Messages(
                    nb="Denne ansettelsesmåten krever offentlig utlysning; annonsen kan ikke "
                    "bare publiseres internt.",
                    nn="Denne tilsetjingsmåten krev offentleg utlysing; annonsen kan ikkje "
                    "berre publiserast internt.",
                    en="This hiring route requires a public announcement; the ad cannot be "
                    "published internally only.",
                ),
            )
        )
    findings += check_nav_report(
        announcement_required=announcement_required,
        reported_to_nav="nav" in ad.channels,
        organisation=settings,
    ).findings
    return _settle(findings)


def check_skip(*, case: RecruitmentCase, exemption: str, today: dt.date) -> list[Finding]:
    """May the case skip the ad ('announcement') or the recommendation ('recommendation')?
    Only where ROUTE says the route does not require it."""
    settings = settings_for(case.organisation)
    findings: list[Finding] = []
    if exemption == "announcement":
        findings += check_nav_checkpoint(
            checkpoint=_checkpoint_facts(case), organisation=settings
        ).findings
    result, route_findings = _route_outcome(case, today=today)
    findings += route_findings
    required = (
        result is None
        or (exemption == "announcement" and result.announcement_required)
        or (exemption == "recommendation" and result.recommendation_required)
    )
    if required:
        message = (
            Messages(
                nb="Denne ansettelsesmåten krever offentlig utlysning.",
                nn="Denne tilsetjingsmåten krev offentleg utlysing.",
                en="This hiring route requires a public announcement.",
            )
            if exemption == "announcement"
            else Messages(
                nb="Denne ansettelsesmåten krever innstilling.",
                nn="Denne tilsetjingsmåten krev innstilling.",
                en="This hiring route requires a recommendation.",
            )
        )
        findings.append(ROUTE_ANNOUNCE.finding(Level.BLOCK, message))
    return _settle(findings)


def check_person_route(
    *, case: RecruitmentCase, person: Application, today: dt.date
) -> list[Finding]:
    """ROUTE with the chosen person's facts (target group, wage subsidy, trainee)."""
    _result, findings = _route_outcome(case, today=today, person=person)
    return _settle(findings)


def is_target_group_route(route: str) -> bool:
    """Whether hires through the route count as target-group hires (INCLUSION-COUNT)."""
    return route in INCLUSION_PARAMETERS.target_group_routes


# -- selection ------------------------------------------------------------------------


def check_interview_list(*, case: RecruitmentCase, invited_ids: set[uuid.UUID]) -> list[Finding]:
    """SEL-INTERVIEW-DISABILITY and SEL-INTERVIEW-CVGAP for the list as it would stand."""
    outcome = check_interview_duty(
        applicants=_selection_applicants(case, invited_ids),
        organisation=settings_for(case.organisation),
    )
    return _settle(outcome.findings)


def check_recommendation(
    *,
    case: RecruitmentCase,
    ranking: Sequence[tuple[uuid.UUID, str]],
    comment: str,
) -> tuple[dict[str, Any], list[Finding]]:
    """SEL-QUALIFICATION, SEL-REC-COUNTS and SEL-EQUAL-QUALIFIED: the counts to freeze in
    the recommendation, and the findings that do not block (the reminder among them)."""
    facts = RecommendationFacts(
        applicants=_selection_applicants(case),
        ranking=tuple(
            RankedCandidate(applicant_id=str(i), rank=rank, justification=justification)
            for rank, (i, justification) in enumerate(ranking, start=1)
        ),
        assessment_comment=comment,
    )
    settings = settings_for(case.organisation)
    counts = recommendation_counts(facts=facts, organisation=settings)
    findings = [
        *check_qualification(facts=facts, organisation=settings).findings,
        *counts.findings,
        *check_equal_qualified(facts=facts, organisation=settings).findings,
    ]
    return counts.result.to_dict(), _settle(findings)


def target_group_counts(case: RecruitmentCase, ranked: Sequence[uuid.UUID] = ()) -> dict[str, Any]:
    """The SEL-REC-COUNTS figures for the case as it stands (aggregate only)."""
    facts = RecommendationFacts(
        applicants=_selection_applicants(case),
        ranking=tuple(
            RankedCandidate(applicant_id=str(i), rank=rank) for rank, i in enumerate(ranked, 1)
        ),
    )
    outcome = recommendation_counts(facts=facts, organisation=settings_for(case.organisation))
    return outcome.result.to_dict()


def applicant_totals(case: RecruitmentCase) -> dict[str, int]:
    """All applicants (not withdrawn) at each stage, beside the target-group counts. After
    the case closed the rejection reason tells how far an applicant came, except for the
    qualified who were not shortlisted (the archive package is made before closing)."""
    from django.db.models import Exists, OuterRef

    from lim.recruitment.models import Interview
    from lim.recruitment.models import RankedCandidate as Ranked

    applications = case.applications.exclude(status="withdrawn")
    came_far = {"not_ranked", "position_filled"}
    qualified = 0
    interviewed = 0
    for status, reason, invited in applications.annotate(
        invited=Exists(Interview.objects.filter(application=OuterRef("pk")))
    ).values_list("status", "rejection_reason", "invited"):
        qualified += status in _QUALIFIED or reason in came_far
        interviewed += bool(invited) or status in _INVITED
    return {
        "declared": applications.count(),
        "qualified": qualified,
        "interviewed": interviewed,
        "ranked": Ranked.objects.filter(recommendation__case=case).count(),
    }
