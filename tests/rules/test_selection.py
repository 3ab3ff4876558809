"""The interview duty and the recommendation rules."""

from __future__ import annotations

import pytest

from lim.rules.base import Level, OrganisationSettings, Sector
from lim.rules.interview import SelectionApplicant, check_interview_duty
from lim.rules.recommendation import (
    EqualQualifiedParameters,
    RankedCandidate,
    RecommendationFacts,
    check_equal_qualified,
    check_qualification,
    recommendation_counts,
)
from lim.rules.target_groups import Declaration

DIS, GAP, IMM = Declaration.DISABILITY, Declaration.CV_GAP, Declaration.IMMIGRANT_BACKGROUND


def person(
    pid: str, *declared: Declaration, qualified: bool = True, invited: bool = False
) -> SelectionApplicant:
    return SelectionApplicant(pid, qualified, frozenset(declared), invited)


@pytest.mark.parametrize(
    ("applicants", "disability", "cv_gap", "blocked"),
    [
        pytest.param([], (0, 0, True), (0, 0, True), [], id="no-applicants"),
        pytest.param(
            [person("a", DIS, qualified=False)], (0, 0, True), (0, 0, True), [], id="not-qualified"
        ),
        pytest.param(
            [person("a", DIS)],
            (1, 0, False),
            (0, 0, True),
            ["SEL-INTERVIEW-DISABILITY"],
            id="one-disability-not-invited",
        ),
        pytest.param(
            [person("a", DIS, invited=True)], (1, 1, True), (0, 0, True), [], id="one-invited"
        ),
        pytest.param(
            [person("a", DIS), person("b", DIS, invited=True), person("c", DIS)],
            (3, 1, True),
            (0, 0, True),
            [],
            id="several-one-invited-is-enough",
        ),
        pytest.param(
            [person("a", DIS), person("b", DIS), person("c", DIS)],
            (3, 0, False),
            (0, 0, True),
            ["SEL-INTERVIEW-DISABILITY"],
            id="several-none-invited",
        ),
        pytest.param(
            [person("a", GAP)],
            (0, 0, True),
            (1, 0, False),
            ["SEL-INTERVIEW-CVGAP"],
            id="one-cv-gap-not-invited",
        ),
        pytest.param(
            [person("a", GAP), person("b", GAP, invited=True)],
            (0, 0, True),
            (2, 1, True),
            [],
            id="several-cv-gap-one-invited",
        ),
        pytest.param(
            [person("a", DIS, invited=True), person("b", GAP)],
            (1, 1, True),
            (1, 0, False),
            ["SEL-INTERVIEW-CVGAP"],
            id="groups-are-checked-on-their-own",
        ),
        pytest.param(
            [person("a", DIS, GAP)],
            (1, 0, False),
            (1, 0, False),
            ["SEL-INTERVIEW-DISABILITY", "SEL-INTERVIEW-CVGAP"],
            id="both-groups-at-once-two-blocks",
        ),
        pytest.param(
            [person("a", DIS, GAP, invited=True)],
            (1, 1, True),
            (1, 1, True),
            [],
            id="one-invitation-fulfils-both",
        ),
        pytest.param(
            [person("a", DIS, qualified=False, invited=True), person("b", DIS)],
            (1, 0, False),
            (0, 0, True),
            ["SEL-INTERVIEW-DISABILITY"],
            id="inviting-an-unqualified-one-does-not-count",
        ),
        pytest.param(
            [person("a", IMM)], (0, 0, True), (0, 0, True), [], id="immigrant-background-no-duty"
        ),
    ],
)
def test_interview_duty(
    applicants: list[SelectionApplicant],
    disability: tuple[int, int, bool],
    cv_gap: tuple[int, int, bool],
    blocked: list[str],
) -> None:
    outcome = check_interview_duty(applicants=applicants)
    result = outcome.result.to_dict()
    assert result == {
        "disability": dict(zip(("qualified", "invited", "satisfied"), disability, strict=True)),
        "cv_gap": dict(zip(("qualified", "invited", "satisfied"), cv_gap, strict=True)),
    }
    assert [f.rule for f in outcome.findings] == blocked
    assert all(f.level is Level.BLOCK for f in outcome.findings)
    assert outcome.blocked is bool(blocked)
    assert outcome.result.satisfied is not bool(blocked)


def test_interview_message_is_specific() -> None:
    outcome = check_interview_duty(applicants=[person("a", DIS), person("b", DIS)])
    assert outcome.findings[0].message.nb == (
        "Minst én kvalifisert søker som har oppgitt nedsatt funksjonsevne, må kalles inn til "
        "intervju (2 kvalifiserte, 0 innkalt)."
    )
    assert outcome.findings[0].source == "statsansatteforskriften § 4 andre ledd"
    single = check_interview_duty(applicants=[person("a", GAP)]).findings[0]
    assert (
        "hol i CV-en" in single.message.nn and "(1 kvalifisert, 0 kalla inn)" in single.message.nn
    )
    assert single.message.en.endswith("(1 qualified, 0 invited).")


@pytest.mark.parametrize("sector", [Sector.HEALTH_TRUST, Sector.MUNICIPAL, Sector.PRIVATE])
def test_outside_the_state_the_interview_duty_is_a_recommendation(sector: Sector) -> None:
    outcome = check_interview_duty(
        applicants=[person("a", DIS)], organisation=OrganisationSettings(sector=sector)
    )
    assert outcome.levels() == (Level.WARN,)
    assert not outcome.blocked
    assert outcome.findings[0].message.nb.endswith("så dette er en anbefaling.")
    assert "ei tilråding" in outcome.findings[0].message.nn
    assert "recommendation" in outcome.findings[0].message.en


def test_a_law_rule_cannot_be_switched_off() -> None:
    organisation = OrganisationSettings(disabled_policy_rules=frozenset({"SEL-INTERVIEW-CVGAP"}))
    outcome = check_interview_duty(applicants=[person("a", GAP)], organisation=organisation)
    assert outcome.blocked


def recommendation(
    ranking: list[tuple[str, int, str]], comment: str = "Vurdert.", *people: SelectionApplicant
) -> RecommendationFacts:
    applicants = people or (
        person("a"),
        person("b", DIS),
        person("c", GAP),
        person("d", IMM, qualified=False),
    )
    ranked = tuple(RankedCandidate(pid, rank, why) for pid, rank, why in ranking)
    return RecommendationFacts(tuple(applicants), ranked, comment)


def test_qualification_blocks_an_empty_ranking() -> None:
    outcome = check_qualification(facts=recommendation([]))
    assert outcome.levels() == (Level.BLOCK,)
    assert "rangerer ingen søkere" in outcome.findings[0].message.nb
    assert outcome.findings[0].source == "statsansatteloven § 3"


def test_qualification_blocks_missing_justification_and_names_them() -> None:
    facts = recommendation([("a", 1, "Best erfaring."), ("b", 2, "  "), ("c", 3, "")])
    outcome = check_qualification(facts=facts)
    assert outcome.levels() == (Level.BLOCK,)
    assert outcome.findings[0].message.en == "2 ranked applicants have no justification: b, c."
    assert outcome.result.to_dict()["missing_justification"] == ["b", "c"]


def test_qualification_warns_when_an_unqualified_applicant_is_ranked() -> None:
    outcome = check_qualification(facts=recommendation([("a", 1, "Ja."), ("d", 2, "Ja.")]))
    assert outcome.levels() == (Level.WARN,)
    assert outcome.result.to_dict() == {
        "ranked": 2,
        "missing_justification": [],
        "not_qualified_ranked": ["d"],
    }


def test_qualification_passes_a_justified_ranking() -> None:
    outcome = check_qualification(facts=recommendation([("b", 2, "God."), ("a", 1, "Best.")]))
    assert outcome.findings == ()


@pytest.mark.parametrize(
    ("ranking", "ranks_below_top", "reminded"),
    [
        pytest.param([("a", 1), ("b", 2)], 1, ["b"], id="next-rank-reminds"),
        pytest.param([("a", 1), ("c", 2), ("b", 3)], 1, ["c"], id="only-the-next-rank"),
        pytest.param([("a", 1), ("c", 2), ("b", 3)], 2, ["c", "b"], id="two-ranks-below"),
        pytest.param([("b", 1), ("a", 2), ("c", 3)], 2, [], id="top-already-target-group"),
        pytest.param([("a", 1), ("d", 2)], 1, [], id="immigrant-background-is-no-target-group"),
        pytest.param([("a", 2), ("c", 3)], 1, ["c"], id="ranks-relative-to-the-top"),
        pytest.param([], 1, [], id="empty-ranking"),
    ],
)
def test_equal_qualified_reminder(
    ranking: list[tuple[str, int]], ranks_below_top: int, reminded: list[str]
) -> None:
    facts = recommendation([(pid, rank, "ok") for pid, rank in ranking])
    outcome = check_equal_qualified(
        facts=facts, parameters=EqualQualifiedParameters(ranks_below_top=ranks_below_top)
    )
    assert outcome.result.to_dict()["just_below_top"] == reminded
    assert outcome.levels() == ((Level.INFO,) if reminded else ())


def test_equal_qualified_message_speaks_of_the_option() -> None:
    one = check_equal_qualified(facts=recommendation([("a", 1, "x"), ("b", 2, "x")]))
    assert one.findings[0].message.nb.startswith("Søker b i målgruppene er rangert rett under")
    assert "tilnærmet like godt kvalifisert" in one.findings[0].message.nb
    two = check_equal_qualified(facts=recommendation([("a", 1, "x"), ("b", 2, "x"), ("c", 2, "x")]))
    assert two.findings[0].message.nn.startswith("Søkjarane b, c i målgruppene er rangerte")
    assert two.findings[0].message.en.startswith("Target-group applicants b, c are ranked")


def test_unqualified_target_group_applicant_gets_no_reminder() -> None:
    facts = recommendation(
        [("a", 1, "x"), ("b", 2, "x")], "ok", person("a"), person("b", DIS, qualified=False)
    )
    assert check_equal_qualified(facts=facts).findings == ()


def test_recommendation_counts_per_group() -> None:
    people = (
        person("a", DIS, IMM, invited=True),
        person("b", DIS, qualified=False),
        person("c", GAP, invited=True),
        person("d", IMM, qualified=False),
        person("e"),
    )
    facts = recommendation([("a", 1, "x"), ("c", 2, "x")], "Kommentar", *people)
    outcome = recommendation_counts(facts=facts)
    assert outcome.result.to_dict() == {
        "disability": {"declared": 2, "qualified": 1, "interviewed": 1, "ranked": 1},
        "cv_gap": {"declared": 1, "qualified": 1, "interviewed": 1, "ranked": 1},
        "immigrant_background": {"declared": 2, "qualified": 1, "interviewed": 1, "ranked": 1},
        "comment_recorded": True,
    }
    assert outcome.findings == ()


@pytest.mark.parametrize(
    ("people", "level"),
    [
        pytest.param((person("a", DIS),), Level.BLOCK, id="declarations-need-a-comment"),
        pytest.param((person("a"),), Level.WARN, id="no-declarations-still-warns"),
    ],
)
def test_recommendation_comment_missing(people: tuple[SelectionApplicant], level: Level) -> None:
    outcome = recommendation_counts(facts=recommendation([], "  ", *people))
    assert outcome.levels() == (level,)
    assert "mangler en kommentar" in outcome.findings[0].message.nb


def test_policy_rule_can_be_switched_off() -> None:
    organisation = OrganisationSettings(disabled_policy_rules=frozenset({"SEL-REC-COUNTS"}))
    facts = recommendation([], "", person("a", DIS))
    assert recommendation_counts(facts=facts, organisation=organisation).findings == ()


def test_ranking_must_refer_to_applicants() -> None:
    with pytest.raises(ValueError, match="x"):
        RecommendationFacts((person("a"),), (RankedCandidate("x", 1),))
    with pytest.raises(ValueError, match="rank"):
        RankedCandidate("a", 0)
