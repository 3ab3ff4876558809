"""Every rule LIM knows, in the order of domain/RULES.md. The /regler/ page and
`lim rules list` are generated from this."""

from __future__ import annotations

from lim.rules.applicant_list_rules import (
    APPLICANT_LIST,
    APPLICANT_LIST_EXEMPTION,
    APPLICANT_LIST_NOTIFY,
    APPLICANT_LIST_PUBLISHED,
    APPLICANT_LIST_TIMING,
)
from lim.rules.base import JSON, Lang, RuleDefinition
from lim.rules.inclusion import INCLUSION_COUNT
from lim.rules.interview import SEL_INTERVIEW, SEL_INTERVIEW_CVGAP, SEL_INTERVIEW_DISABILITY
from lim.rules.nav_checkpoint import NAV_CHECKPOINT, ROUTE_NAV_REPORT
from lim.rules.recommendation import SEL_EQUAL_QUALIFIED, SEL_QUALIFICATION, SEL_REC_COUNTS
from lim.rules.retention import RETENTION
from lim.rules.routes import ROUTE, ROUTE_ANNOUNCE, ROUTE_TEMP_BASIS
from lim.rules.target_groups import TG_CVGAP, TG_DISABILITY
from lim.rules.temporary import ROUTE_FULL_TIME, ROUTE_TEMP_DISCUSSION, ROUTE_THREE_YEARS
from lim.rules.wage_subsidy import WAGE_SUBSIDY

RULES: tuple[RuleDefinition, ...] = (
    TG_DISABILITY,
    TG_CVGAP,
    SEL_INTERVIEW,
    SEL_INTERVIEW_DISABILITY,
    SEL_INTERVIEW_CVGAP,
    SEL_EQUAL_QUALIFIED,
    SEL_QUALIFICATION,
    SEL_REC_COUNTS,
    ROUTE,
    ROUTE_ANNOUNCE,
    ROUTE_TEMP_BASIS,
    ROUTE_THREE_YEARS,
    ROUTE_TEMP_DISCUSSION,
    ROUTE_FULL_TIME,
    ROUTE_NAV_REPORT,
    NAV_CHECKPOINT,
    WAGE_SUBSIDY,
    APPLICANT_LIST,
    APPLICANT_LIST_TIMING,
    APPLICANT_LIST_EXEMPTION,
    APPLICANT_LIST_NOTIFY,
    APPLICANT_LIST_PUBLISHED,
    RETENTION,
    INCLUSION_COUNT,
)

_BY_ID = {rule.id: rule for rule in RULES}


class UnknownRule(KeyError):
    """No rule has this id."""


def get_rule(rule_id: str) -> RuleDefinition:
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise UnknownRule(rule_id) from None


def policy_rules() -> tuple[RuleDefinition, ...]:
    """The rules an organisation may switch off."""
    return tuple(rule for rule in RULES if rule.kind.value == "policy")


def rules_for_page(*, lang: Lang = "nb") -> list[dict[str, JSON]]:
    """Every rule with title, source, explanation and parameters in one language."""
    return [rule.to_dict(lang) for rule in RULES]
