"""The rule registry, the definitions behind /regler/, and the package's independence
from Django."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import lim.rules
from lim.rules import dates
from lim.rules.base import (
    Finding,
    Level,
    Messages,
    OrganisationSettings,
    RuleKind,
    Sector,
    adjust_for_organisation,
    parameters_of,
)
from lim.rules.evaluate import EVALUATORS
from lim.rules.registry import RULES, UnknownRule, get_rule, policy_rules, rules_for_page

PACKAGE = Path(lim.rules.__file__).parent
SRC = PACKAGE.parent.parent

# The ids of domain/RULES.md, with APPLICANT-LIST split in four, and the combined ids of
# formats/rules-cli.md.
EXPECTED_IDS = {
    "TG-DISABILITY",
    "TG-CVGAP",
    "SEL-INTERVIEW",
    "SEL-INTERVIEW-DISABILITY",
    "SEL-INTERVIEW-CVGAP",
    "SEL-EQUAL-QUALIFIED",
    "SEL-QUALIFICATION",
    "SEL-REC-COUNTS",
    "ROUTE",
    "ROUTE-ANNOUNCE",
    "ROUTE-TEMP-BASIS",
    "ROUTE-THREE-YEARS",
    "ROUTE-TEMP-DISCUSSION",
    "ROUTE-FULL-TIME",
    "ROUTE-NAV-REPORT",
    "NAV-CHECKPOINT",
    "WAGE-SUBSIDY",
    "APPLICANT-LIST",
    "APPLICANT-LIST-TIMING",
    "APPLICANT-LIST-EXEMPTION",
    "APPLICANT-LIST-NOTIFY",
    "APPLICANT-LIST-PUBLISHED",
    "RETENTION",
    "INCLUSION-COUNT",
}
POLICY_IDS = {
    "SEL-REC-COUNTS",
    "ROUTE-FULL-TIME",
    "NAV-CHECKPOINT",
    "RETENTION",
    "INCLUSION-COUNT",
}


def test_every_rule_is_registered_once() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == EXPECTED_IDS


def test_every_rule_can_be_evaluated_from_the_command_line() -> None:
    assert set(EVALUATORS) == EXPECTED_IDS


def test_policy_rules_are_exactly_our_own_choices() -> None:
    assert {rule.id for rule in policy_rules()} == POLICY_IDS


def test_combined_rules_point_to_registered_rules() -> None:
    combined = {rule.id: rule.combines for rule in RULES if rule.combines}
    assert set(combined) == {"SEL-INTERVIEW", "ROUTE", "APPLICANT-LIST"}
    for parts in combined.values():
        assert all(get_rule(part).id == part for part in parts)


def sentences(text: str) -> int:
    # A sentence ends in . ! or ? followed by a space or the end; "§ 9 bokstav c)" is not one.
    return len(re.findall(r"[.!?](?:\s|$)", text))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_definition_is_complete_in_three_languages(rule: object) -> None:
    assert isinstance(rule, lim.rules.base.RuleDefinition)
    for lang in ("nb", "nn", "en"):
        assert rule.title.get(lang).strip()
        explanation = rule.explanation.get(lang)
        assert 2 <= sentences(explanation) <= 4, (lang, explanation)
    assert rule.title.nb != rule.title.en
    assert rule.explanation.nb != rule.explanation.nn
    assert rule.source.strip()
    # Law is cited by its Norwegian name; our policy says so.
    assert rule.source.startswith("LIM-praksis") is (
        rule.kind is RuleKind.POLICY and rule.id != "INCLUSION-COUNT"
    )


def test_page_lists_rules_with_parameters_in_the_chosen_language() -> None:
    page = {row["id"]: row for row in rules_for_page(lang="nn")}
    assert page["TG-CVGAP"]["title"] == "Målgruppe: hol i CV-en"
    assert page["TG-CVGAP"]["parameters"] == {
        "window_years": 5,
        "required_days": 730,
        "temporary_employment_max_years": 1,
    }
    wage = page["WAGE-SUBSIDY"]["parameters"]
    assert isinstance(wage, dict)
    assert wage["days_per_month"] == "30.4375"  # exact, not a binary float
    assert page["ROUTE"]["combines"] == ["ROUTE-ANNOUNCE", "ROUTE-TEMP-BASIS"]
    assert page["RETENTION"]["kind"] == "policy"
    assert page["SEL-INTERVIEW-CVGAP"]["state_only"] is True


def test_unknown_rule() -> None:
    with pytest.raises(UnknownRule):
        get_rule("NO-SUCH-RULE")


def test_parameters_must_be_a_dataclass_instance() -> None:
    with pytest.raises(TypeError):
        parameters_of({"months": 6})


def finding(
    *, state_only: bool, kind: RuleKind = RuleKind.LAW, level: Level = Level.BLOCK
) -> Finding:
    text = Messages(nb="Stopp.", nn="Stopp.", en="Stop.")
    return Finding("X", level, "kilde", text, state_only=state_only, kind=kind)


@pytest.mark.parametrize(
    ("sector", "state_only", "level"),
    [
        pytest.param(Sector.STATE, True, Level.BLOCK, id="state-keeps-block"),
        pytest.param(Sector.HEALTH_TRUST, True, Level.WARN, id="health-trust-warns"),
        pytest.param(Sector.MUNICIPAL, True, Level.WARN, id="municipal-warns"),
        pytest.param(Sector.PRIVATE, True, Level.WARN, id="private-warns"),
        pytest.param(Sector.PRIVATE, False, Level.BLOCK, id="general-law-still-blocks"),
    ],
)
def test_sector_turns_state_only_blocks_into_recommendations(
    sector: Sector, state_only: bool, level: Level
) -> None:
    (adjusted,) = adjust_for_organisation(
        findings=[finding(state_only=state_only)], organisation=OrganisationSettings(sector=sector)
    )
    assert adjusted.level is level
    assert ("anbefaling" in adjusted.message.nb) is (level is Level.WARN)
    assert adjusted.to_dict("en")["level"] == level.value


def test_warnings_and_info_are_not_changed_by_sector() -> None:
    kept = finding(state_only=True, level=Level.INFO)
    organisation = OrganisationSettings(sector=Sector.MUNICIPAL)
    assert adjust_for_organisation(findings=[kept], organisation=organisation) == (kept,)


def test_only_policy_findings_can_be_switched_off() -> None:
    organisation = OrganisationSettings(disabled_policy_rules=frozenset({"X"}))
    law, policy = finding(state_only=False), finding(state_only=False, kind=RuleKind.POLICY)
    assert adjust_for_organisation(findings=[law, policy], organisation=organisation) == (law,)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param("2026-01-31", 1, "2026-02-28", id="end-of-month-clamped"),
        pytest.param("2024-01-31", 1, "2024-02-29", id="leap-february"),
        pytest.param("2024-02-29", -60, "2019-02-28", id="five-years-back-from-feb-29"),
        pytest.param("2026-03-01", -12, "2025-03-01", id="one-year-back"),
        pytest.param("2026-12-15", 1, "2027-01-15", id="over-new-year"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    assert dates.add_months(date.fromisoformat(day), months) == date.fromisoformat(expected)


def test_period_rejects_a_reversed_range() -> None:
    with pytest.raises(ValueError):
        dates.Period(date(2026, 1, 2), date(2026, 1, 1))


def test_messages_serialise_all_languages() -> None:
    text = Messages(nb="Hei", nn="Hei", en="Hello")
    assert text.to_dict() == {"nb": "Hei", "nn": "Hei", "en": "Hello"}
    assert text.get("en") == "Hello"


def test_spoken_dates() -> None:
    assert dates.spoken(date(2026, 3, 1)) == Messages(
        nb="1. mars 2026", nn="1. mars 2026", en="1 March 2026"
    )


def rule_modules() -> list[str]:
    return sorted(
        f"lim.rules.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__main__"
    )


def test_no_module_imports_django() -> None:
    """Pure domain code: importing every module must not pull Django in."""
    code = (
        "import importlib, sys\n"
        f"for name in {rule_modules()!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_django_import_in_the_source(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = [
        name
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    ]
    assert not [name for name in imported if name.split(".")[0] == "django"]


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_modules_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 420
