"""Evaluate a rule by id on JSON facts: the engine behind `lim rules eval`.

Rules checked together share their facts: the parts of ROUTE, SEL-INTERVIEW and
APPLICANT-LIST take the combined facts and report only their own findings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from lim.rules import parsers
from lim.rules.applicant_list import check_applicant_list
from lim.rules.applicant_list_rules import (
    APPLICANT_LIST,
    APPLICANT_LIST_EXEMPTION,
    APPLICANT_LIST_NOTIFY,
    APPLICANT_LIST_PUBLISHED,
    APPLICANT_LIST_TIMING,
)
from lim.rules.base import JSON, Lang, Outcome, Result, RuleDefinition
from lim.rules.facts import get_bool, get_optional_date, get_organisation
from lim.rules.inclusion import INCLUSION_COUNT, inclusion_figures
from lim.rules.interview import (
    SEL_INTERVIEW,
    SEL_INTERVIEW_CVGAP,
    SEL_INTERVIEW_DISABILITY,
    check_interview_duty,
)
from lim.rules.nav_checkpoint import (
    NAV_CHECKPOINT,
    ROUTE_NAV_REPORT,
    check_nav_checkpoint,
    check_nav_report,
)
from lim.rules.recommendation import (
    SEL_EQUAL_QUALIFIED,
    SEL_QUALIFICATION,
    SEL_REC_COUNTS,
    check_equal_qualified,
    check_qualification,
    recommendation_counts,
)
from lim.rules.registry import UnknownRule, get_rule
from lim.rules.retention import RETENTION, check_retention
from lim.rules.routes import ROUTE, ROUTE_ANNOUNCE, ROUTE_TEMP_BASIS, check_route
from lim.rules.target_groups import TG_CVGAP, TG_DISABILITY, evaluate_cv_gap, evaluate_disability
from lim.rules.temporary import (
    ROUTE_FULL_TIME,
    ROUTE_TEMP_DISCUSSION,
    ROUTE_THREE_YEARS,
    check_full_time,
    check_temporary_discussion,
    check_three_years,
)
from lim.rules.wage_subsidy import WAGE_SUBSIDY, estimate_wage_subsidy

R = TypeVar("R", bound=Result)
Report = dict[str, JSON]
Evaluator = Callable[[object, date, Lang], Report]


def _report(rule: RuleDefinition, outcome: Outcome[R], lang: Lang) -> Report:
    """The report, keeping only the rule's own findings when it is part of a combined
    check."""
    if rule.combines:
        return outcome.report(rule=rule, lang=lang)
    own = tuple(f for f in outcome.findings if f.rule == rule.id)
    return Outcome(outcome.result, own).report(rule=rule, lang=lang)


def _tg_cvgap(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_cv_gap(data), get_organisation(data)
    return _report(TG_CVGAP, evaluate_cv_gap(facts=facts, organisation=organisation), lang)


def _tg_disability(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_disability(data), get_organisation(data)
    outcome = evaluate_disability(facts=facts, organisation=organisation)
    return _report(TG_DISABILITY, outcome, lang)


def _interview(rule: RuleDefinition) -> Evaluator:
    def evaluate(data: object, today: date, lang: Lang) -> Report:
        applicants, organisation = parsers.parse_interview(data), get_organisation(data)
        return _report(
            rule, check_interview_duty(applicants=applicants, organisation=organisation), lang
        )

    return evaluate


def _equal_qualified(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_recommendation(data), get_organisation(data)
    return _report(
        SEL_EQUAL_QUALIFIED, check_equal_qualified(facts=facts, organisation=organisation), lang
    )


def _qualification(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_recommendation(data), get_organisation(data)
    return _report(
        SEL_QUALIFICATION, check_qualification(facts=facts, organisation=organisation), lang
    )


def _rec_counts(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_recommendation(data), get_organisation(data)
    return _report(
        SEL_REC_COUNTS, recommendation_counts(facts=facts, organisation=organisation), lang
    )


def _route(rule: RuleDefinition) -> Evaluator:
    def evaluate(data: object, today: date, lang: Lang) -> Report:
        facts, twelve = parsers.parse_route(data)
        organisation = get_organisation(data, staff_regulations_allow_12_months=twelve)
        return _report(rule, check_route(facts=facts, organisation=organisation), lang)

    return evaluate


def _three_years(data: object, today: date, lang: Lang) -> Report:
    periods = parsers.parse_periods(parsers.top(data, "periods"), "periods")
    outcome = check_three_years(periods=periods, today=today, organisation=get_organisation(data))
    return _report(ROUTE_THREE_YEARS, outcome, lang)


def _temp_discussion(data: object, today: date, lang: Lang) -> Report:
    obj = parsers.top(data, "last_discussion", "temporary_employments")
    outcome = check_temporary_discussion(
        last_discussion=get_optional_date(obj, "last_discussion", ""),
        temporary_employments=parsers.parse_periods(obj, "temporary_employments"),
        today=today,
        organisation=get_organisation(data),
    )
    return _report(ROUTE_TEMP_DISCUSSION, outcome, lang)


def _full_time(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_full_time(data), get_organisation(data)
    return _report(ROUTE_FULL_TIME, check_full_time(facts=facts, organisation=organisation), lang)


def _nav_report(data: object, today: date, lang: Lang) -> Report:
    obj = parsers.top(data, "announcement_required", "reported_to_nav")
    outcome = check_nav_report(
        announcement_required=get_bool(obj, "announcement_required", ""),
        reported_to_nav=get_bool(obj, "reported_to_nav", ""),
        organisation=get_organisation(data),
    )
    return _report(ROUTE_NAV_REPORT, outcome, lang)


def _nav_checkpoint(data: object, today: date, lang: Lang) -> Report:
    checkpoint, required = parsers.parse_checkpoint(data)
    organisation = get_organisation(data, require_nav_checkpoint=required)
    outcome = check_nav_checkpoint(checkpoint=checkpoint, organisation=organisation)
    return _report(NAV_CHECKPOINT, outcome, lang)


def _wage_subsidy(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_wage_subsidy(data), get_organisation(data)
    outcome = estimate_wage_subsidy(facts=facts, today=today, organisation=organisation)
    return _report(WAGE_SUBSIDY, outcome, lang)


def _applicant_list(rule: RuleDefinition) -> Evaluator:
    def evaluate(data: object, today: date, lang: Lang) -> Report:
        facts, organisation = parsers.parse_applicant_list(data), get_organisation(data)
        outcome = check_applicant_list(facts=facts, today=today, organisation=organisation)
        return _report(rule, outcome, lang)

    return evaluate


def _retention(data: object, today: date, lang: Lang) -> Report:
    facts, organisation = parsers.parse_retention(data), get_organisation(data)
    outcome = check_retention(facts=facts, today=today, organisation=organisation)
    return _report(RETENTION, outcome, lang)


def _inclusion(data: object, today: date, lang: Lang) -> Report:
    obj = parsers.top(data, "hires", "viewer_is_coordinator", "baseline_counts")
    outcome = inclusion_figures(
        hires=parsers.parse_hires(obj),
        viewer_is_coordinator=get_bool(obj, "viewer_is_coordinator", "", default=False),
        baseline_counts=parsers.parse_baseline(obj),
        organisation=get_organisation(data),
    )
    return _report(INCLUSION_COUNT, outcome, lang)


EVALUATORS: dict[str, Evaluator] = {
    TG_DISABILITY.id: _tg_disability,
    TG_CVGAP.id: _tg_cvgap,
    SEL_INTERVIEW.id: _interview(SEL_INTERVIEW),
    SEL_INTERVIEW_DISABILITY.id: _interview(SEL_INTERVIEW_DISABILITY),
    SEL_INTERVIEW_CVGAP.id: _interview(SEL_INTERVIEW_CVGAP),
    SEL_EQUAL_QUALIFIED.id: _equal_qualified,
    SEL_QUALIFICATION.id: _qualification,
    SEL_REC_COUNTS.id: _rec_counts,
    ROUTE.id: _route(ROUTE),
    ROUTE_ANNOUNCE.id: _route(ROUTE_ANNOUNCE),
    ROUTE_TEMP_BASIS.id: _route(ROUTE_TEMP_BASIS),
    ROUTE_THREE_YEARS.id: _three_years,
    ROUTE_TEMP_DISCUSSION.id: _temp_discussion,
    ROUTE_FULL_TIME.id: _full_time,
    ROUTE_NAV_REPORT.id: _nav_report,
    NAV_CHECKPOINT.id: _nav_checkpoint,
    WAGE_SUBSIDY.id: _wage_subsidy,
    APPLICANT_LIST.id: _applicant_list(APPLICANT_LIST),
    APPLICANT_LIST_TIMING.id: _applicant_list(APPLICANT_LIST_TIMING),
    APPLICANT_LIST_EXEMPTION.id: _applicant_list(APPLICANT_LIST_EXEMPTION),
    APPLICANT_LIST_NOTIFY.id: _applicant_list(APPLICANT_LIST_NOTIFY),
    APPLICANT_LIST_PUBLISHED.id: _applicant_list(APPLICANT_LIST_PUBLISHED),
    RETENTION.id: _retention,
    INCLUSION_COUNT.id: _inclusion,
}


def evaluate(*, rule_id: str, data: object, today: date, lang: Lang = "nb") -> Report:
    """The `lim rules eval` JSON object for a rule and its facts.

    Raises UnknownRule for an unknown id and FactsError (naming the field) for bad facts."""
    get_rule(rule_id)  # raises UnknownRule
    try:
        evaluator = EVALUATORS[rule_id]
    except KeyError:  # pragma: no cover - every registered rule has an evaluator (tested)
        raise UnknownRule(rule_id) from None
    return evaluator(data, today, lang)
