"""RETENTION and INCLUSION-COUNT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lim.rules.base import JSON, Level
from lim.rules.employment import Route
from lim.rules.inclusion import (
    Channel,
    Figures,
    Hire,
    InclusionParameters,
    counts_as_target_group_hire,
    inclusion_figures,
)
from lim.rules.retention import RetentionFacts, RetentionParameters, check_retention
from lim.rules.target_groups import Declaration

d = date.fromisoformat
CLOSED = d("2026-01-01")


@pytest.mark.parametrize(
    ("facts", "today", "delete_after", "due"),
    [
        pytest.param(
            RetentionFacts(CLOSED),
            "2026-05-01",
            "2026-05-01",
            False,
            id="not-interviewed-last-day-kept",
        ),
        pytest.param(
            RetentionFacts(CLOSED),
            "2026-05-02",
            "2026-05-01",
            True,
            id="not-interviewed-due-after-120-days",
        ),
        pytest.param(
            RetentionFacts(CLOSED, interviewed=True),
            "2027-06-25",
            "2027-06-25",
            False,
            id="interviewed-kept-540-days",
        ),
        pytest.param(
            RetentionFacts(CLOSED, hired=True),
            "2027-06-26",
            "2027-06-25",
            True,
            id="hired-due-after-540-days",
        ),
        pytest.param(RetentionFacts(None), "2030-01-01", None, False, id="case-still-open"),
        pytest.param(
            RetentionFacts(None, withdrawn_on=d("2025-12-01")),
            "2025-12-01",
            "2025-12-01",
            True,
            id="withdrawn-deleted-at-once",
        ),
    ],
)
def test_retention(facts: RetentionFacts, today: str, delete_after: str | None, due: bool) -> None:
    outcome = check_retention(facts=facts, today=d(today))
    assert outcome.result.to_dict() == {"delete_after": delete_after, "due": due}
    assert outcome.levels() == ((Level.INFO,) if due else ())


def test_retention_messages() -> None:
    kept = check_retention(facts=RetentionFacts(CLOSED), today=d("2026-06-01"))
    assert kept.findings[0].message.nb == (
        "Søknaden skulle oppbevares til og med 1. mai 2026 og skal slettes nå."
    )
    withdrawn = check_retention(facts=RetentionFacts(None, withdrawn_on=CLOSED), today=CLOSED)
    assert withdrawn.findings[0].message.en.startswith("The applicant withdrew on 1 January 2026")


def test_retention_periods_are_parameters() -> None:
    short = RetentionParameters(not_interviewed_days=30, interviewed_or_hired_days=60)
    outcome = check_retention(facts=RetentionFacts(CLOSED), today=d("2026-02-01"), parameters=short)
    assert outcome.result.to_dict() == {"delete_after": "2026-01-31", "due": True}


def figure_rows(data: dict[str, JSON]) -> list[dict[str, JSON]]:
    rows = data["figures"]
    assert isinstance(rows, list)
    return [row for row in rows if isinstance(row, dict)]


def hire(
    day: str,
    *declared: Declaration,
    consent: bool = True,
    route: Route = Route.ORDINARY,
    unit: str = "",
    channels: frozenset[Channel] = frozenset(),
) -> Hire:
    return Hire(d(day), unit, frozenset(declared), consent, route, channels=channels)


DIS = Declaration.DISABILITY


@pytest.mark.parametrize(
    ("one", "counts"),
    [
        pytest.param(hire("2024-01-01", DIS), True, id="declared-with-consent"),
        pytest.param(hire("2024-01-01", DIS, consent=False), False, id="declared-without-consent"),
        pytest.param(
            hire("2024-01-01", Declaration.IMMIGRANT_BACKGROUND),
            False,
            id="immigrant-background-only",
        ),
        pytest.param(
            hire("2024-01-01", route=Route.WAGE_SUBSIDY, consent=False),
            True,
            id="target-group-route",
        ),
        pytest.param(
            hire("2024-01-01", route=Route.ADMINISTRATIVE),
            False,
            id="administrative-is-no-target-group-route",
        ),
    ],
)
def test_what_counts_as_a_target_group_hire(one: Hire, counts: bool) -> None:
    assert counts_as_target_group_hire(hire=one) is counts


def many(year: int, total: int, target: int, unit: str = "") -> list[Hire]:
    return [hire(f"{year}-05-01", DIS, unit=unit) for _ in range(target)] + [
        hire(f"{year}-06-01", unit=unit) for _ in range(total - target)
    ]


HIRES = tuple(many(2020, 40, 2) + many(2021, 50, 4) + many(2024, 60, 6, "IT") + many(2025, 20, 2))


def test_figures_per_year_with_goal_and_positive_development() -> None:
    outcome = inclusion_figures(hires=HIRES, viewer_is_coordinator=True)
    rows = {(r["year"], r["unit"]): r for r in figure_rows(outcome.result.to_dict())}
    assert rows[(2021, None)]["share_percent"] == 8.0
    assert rows[(2021, None)]["goal_met"] is True
    assert rows[(2020, None)]["goal_met"] is True  # 2 of 40 is exactly 5 %
    assert rows[(2024, None)]["positive_development"] is True  # 6 > (2 + 4) / 2
    assert rows[(2025, None)]["positive_development"] is False  # 2 < 3
    assert rows[(2024, None)]["goal_met"] is None  # the goal ended in 2021
    assert rows[(2024, "IT")]["hires"] == 60
    assert rows[(2024, "IT")]["positive_development"] is None
    assert outcome.result.to_dict()["baseline"] == 3.0
    assert outcome.levels() == (Level.INFO, Level.INFO)
    assert "positiv utvikling" in outcome.findings[0].message.nb
    assert "ikke nådd" in outcome.findings[1].message.nb


def test_small_groups_are_hidden_except_for_the_coordinator() -> None:
    hidden = inclusion_figures(hires=HIRES).result.to_dict()
    shown = inclusion_figures(hires=HIRES, viewer_is_coordinator=True).result.to_dict()
    row_hidden, row_shown = figure_rows(hidden)[0], figure_rows(shown)[0]
    assert row_hidden["hires"] == 40
    assert row_hidden["target_group_hires"] == "under 5"
    assert row_hidden["share_percent"] is None  # it would reveal the hidden count
    assert row_shown["target_group_hires"] == 2
    assert row_shown["share_percent"] == 5.0
    assert hidden["baseline"] == "under 5"


def test_hidden_counts_are_in_the_readers_language() -> None:
    result = inclusion_figures(hires=HIRES).result
    for lang, text in (("nb", "under 5"), ("nn", "under 5"), ("en", "fewer than 5")):
        figures = result.to_dict(lang)
        assert figure_rows(figures)[0]["target_group_hires"] == text
        assert figures["baseline"] == text


def test_baseline_can_be_given_for_years_before_lim() -> None:
    hires = tuple(many(2024, 30, 6))
    outcome = inclusion_figures(hires=hires, baseline_counts={2020: 10, 2021: 8})
    assert outcome.result.to_dict()["baseline"] == 9.0
    assert outcome.result.figures[0].positive_development is False
    without = inclusion_figures(hires=hires)
    assert without.result.baseline is None
    assert without.findings == ()


def test_channels_are_counted() -> None:
    hires = tuple(hire("2024-03-01", channels=frozenset({Channel.NAV})) for _ in range(6))
    shown = inclusion_figures(hires=hires, viewer_is_coordinator=True).result.to_dict()
    channels = figure_rows(shown)[0]["channels"]
    assert channels == {"nav": 6, "work_trial": 0, "trainee": 0, "apprentice": 0}


def test_min_group_size_is_a_parameter_never_below_three() -> None:
    hires = tuple(many(2024, 10, 3))
    three = InclusionParameters(min_group_size=3)
    row = figure_rows(inclusion_figures(hires=hires, parameters=three).result.to_dict())[0]
    assert row["target_group_hires"] == 3
    with pytest.raises(ValueError, match="below 3"):
        InclusionParameters(min_group_size=2)


def test_share_of_no_hires_is_none() -> None:
    assert Figures(2024, None, 0, 0, {}, None, None).share_percent is None
    assert Figures(2024, None, 3, 1, {}, None, None).share_percent == Decimal("33.3")


def test_no_hires_gives_no_figures() -> None:
    outcome = inclusion_figures(hires=())
    assert outcome.result.to_dict() == {"figures": [], "baseline": None}
