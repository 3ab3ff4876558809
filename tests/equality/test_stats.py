"""The statistics: rounding, privacy rules, ordering, and figures left out for lack of data."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lim.equality.report import build_report
from lim.equality.stats import MinGroupSizeError, check_min_group_size, compute_figures
from lim.equality.stats.privacy import complementary
from lim.equality.stats.rounding import gap_pct, kroner, mean1, pct, ratio_pct, round1

from .conftest import CLEAN, accepted


def workforce(rows: list[tuple[str, str, float]], **extra: list[Any]) -> pl.DataFrame:
    """(gender, level, base pay) per person; full time, permanent."""
    return pl.DataFrame(
        {
            "employee_id": [str(i) for i in range(len(rows))],
            "gender": [r[0] for r in rows],
            "level": [r[1] for r in rows],
            "fte_percent": [100.0] * len(rows),
            "employment_type": ["permanent"] * len(rows),
            "annual_base_pay": [float(r[2]) for r in rows],
            **extra,
        }
    )


def half_away(value: Fraction, places: int) -> Fraction:
    scaled = abs(value) * 10**places
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if value >= 0 else -whole, 10**places)


@given(st.integers(0, 10**7), st.integers(1, 10**7))
def test_percentages_round_half_away_from_zero(part: int, whole: int) -> None:
    assert pct(part, whole) == float(half_away(Fraction(part * 100, whole), 1))


@given(st.integers(-(10**9), 10**9), st.integers(1, 1000))
def test_kroner_round_half_away_from_zero(total: int, count: int) -> None:
    expected = half_away(Fraction(total, count), 0)
    assert kroner(Decimal(total) / count) == int(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0.25", 0.3), ("-0.25", -0.3), ("12.35", 12.4), ("-0.04", 0.0), ("2.45", 2.5)],
)
def test_round1_is_not_bankers_rounding(value: str, expected: float) -> None:
    result = round1(Decimal(value))
    assert result == expected
    assert str(result) != "-0.0"


def test_rounding_helpers_with_nothing_to_divide() -> None:
    assert pct(1, 0) is None
    assert mean1(5, 0) is None
    assert ratio_pct(Decimal(1), Decimal(0)) is None
    assert ratio_pct(None, Decimal(1)) is None
    assert gap_pct(Decimal(0), Decimal(1)) is None
    assert kroner(Decimal("2.5")) == 3
    assert kroner(Decimal("-2.5")) == -3


@pytest.mark.parametrize("bad", [2, 0, -5, 2.5, True, "5"])
def test_min_group_size_below_three_is_refused(bad: Any) -> None:
    with pytest.raises(MinGroupSizeError):
        check_min_group_size(bad)
    with pytest.raises(MinGroupSizeError):
        build_report(accepted(CLEAN), year=2025, organisation="X", min_group_size=bad)


def test_min_group_size_three_is_allowed() -> None:
    assert check_min_group_size(3) == 3


@pytest.mark.parametrize(
    ("total", "total_hidden", "rows", "hidden", "expected"),
    [
        # one hidden level next to a published total: hide the other level too
        ((10, 10), False, [(2, 5), (8, 5)], [True, False], (False, [True, True])),
        # two hidden levels with both genders: nothing more to hide
        ((10, 20), False, [(2, 5), (3, 5), (5, 10)], [True, True, False],
         (False, [True, True, False])),
        # the next hidden is the published level with the fewest of that gender
        ((27, 36), False, [(1, 10), (20, 20), (6, 6)], [True, False, False],
         (False, [True, False, True])),
        # only one level has women: hiding it means hiding the total
        ((6, 22), False, [(6, 2), (0, 20)], [True, False], (True, [True, False])),
        # ... and when the total then gives the men away, hide the men's level as well
        ((6, 20), False, [(6, 0), (0, 20)], [True, False], (True, [True, True])),
        # a level with no women hides nothing about women; hiding a second level for the
        # men leaves one hidden for the women, so the third goes too
        ((10, 13), False, [(0, 3), (5, 5), (5, 5)], [True, False, False],
         (False, [True, True, True])),
        ((10, 10), False, [(5, 5), (5, 5)], [False, False], (False, [False, False])),
        # a hidden total with every level published would give the total away
        ((2, 10), True, [(1, 5), (1, 5)], [False, False], (True, [True, False])),
    ],
)  # fmt: skip
def test_complementary_suppression(
    total: tuple[int, int],
    total_hidden: bool,
    rows: list[tuple[int, int]],
    hidden: list[bool],
    expected: tuple[bool, list[bool]],
) -> None:
    assert complementary(total, total_hidden, rows, hidden) == expected


def test_one_hidden_level_would_be_derivable_so_another_is_hidden() -> None:
    # Level B has 2 women (hidden). Without more suppression, B's women's mean would be
    # (total mean × 10 − mean A × 8) / 2.
    rows = [("woman", "A", 500_000)] * 8 + [("woman", "B", 900_000)] * 2
    rows += [("man", "A", 600_000)] * 5 + [("man", "B", 700_000)] * 5
    frame = workforce(rows)
    pay = compute_figures(frame, audience="internal").pay["rows"]
    total, level_a, level_b = pay
    assert total["women_mean"] == 580_000
    assert (total["women_mean"] * 10 - 500_000 * 8) / 2 == 900_000  # the attack
    assert level_b["suppressed"] and level_a["suppressed"]
    assert level_a["women_mean"] is None
    # each hidden figure says why: B for its size, A to protect B
    assert level_b["suppressed_reason"] == "small_group"
    assert level_a["suppressed_reason"] == "complementary"
    assert total["suppressed_reason"] is None


def test_levels_in_first_appearance_order_without_rank() -> None:
    rows = [("woman", "C", 1), ("man", "A", 1), ("woman", "B", 1), ("man", "C", 1)]
    balance = compute_figures(workforce(rows)).gender_balance["rows"]
    assert [r["label"] for r in balance] == ["Totalt", "C", "A", "B"]


def test_levels_by_rank_then_unranked_by_appearance() -> None:
    rows = [("woman", "X", 1), ("man", "Low", 1), ("woman", "Top", 1), ("man", "Y", 1)]
    frame = workforce(rows, level_rank=[None, 9, 1, None])
    balance = compute_figures(frame).gender_balance["rows"]
    assert [r["label"] for r in balance] == ["Totalt", "Top", "Low", "X", "Y"]


def test_figures_without_their_columns_are_null_with_warnings() -> None:
    rows = [("woman", "A", 500_000 + i) for i in range(6)] + [
        ("man", "A", 510_000 + i) for i in range(6)
    ]
    report = build_report(workforce(rows), year=2025, organisation="X").to_json_dict()
    for key in ("involuntary_part_time", "parental_leave", "sick_leave", "child_sick_days",
                "overtime", "recruitment"):  # fmt: skip
        assert report[key] is None, key
    transparency = report["pay_transparency"]
    assert transparency["by_category"] is None
    assert transparency["variable_mean_gap_pct"] is None
    assert transparency["variable_share_women_pct"] is None
    assert transparency["mean_gap_pct"] is not None
    assert transparency["suppressed"] is False
    assert report["warnings"] == [
        "column involuntary_part_time missing: involuntary_part_time is left out",
        "column parental_leave_weeks missing: parental_leave is left out",
        "column sick_leave_days missing: sick_leave is left out",
        "column planned_work_days missing: sick_leave is left out",
        "column child_sick_days missing: child_sick_days is left out",
        "column has_child_under_12 missing: child_sick_days is left out",
        "column overtime_hours missing: overtime is left out",
        "column variable_pay missing: pay_transparency.variable_* is left out",
        "column position_category missing: pay_transparency.by_category is left out",
        "column fixed_allowances missing: total pay is counted without it",
        "no applications file or recruitment figures: recruitment is left out",
    ]


def test_involuntary_part_time_that_nobody_filled_in_is_unknown() -> None:
    rows = [("woman", "A", 1), ("man", "A", 1)]
    frame = workforce(rows, involuntary_part_time=pl.Series([None, None], dtype=pl.Boolean))
    report = build_report(frame, year=2025, organisation="X")
    assert report.figures.involuntary_part_time is None
    assert (
        "column involuntary_part_time has no values: involuntary_part_time is left out"
        in report.to_json_dict()["warnings"]
    )


def test_small_organisation_hides_pay_transparency() -> None:
    rows = [("woman", "A", 400_000 + i) for i in range(4)] + [
        ("man", "A", 500_000 + i) for i in range(9)
    ]
    figures = compute_figures(workforce(rows, variable_pay=[1000.0] * 13))
    transparency = figures.pay_transparency
    assert transparency["suppressed"] is True
    assert transparency["mean_gap_pct"] is None
    assert transparency["variable_share_women_pct"] is None
    assert {q["women_pct"] for q in transparency["quartiles"]} == {None}
    assert figures.pay["rows"][0]["suppressed"] is True


def test_quartile_ties_stay_in_the_lower_band() -> None:
    rows = [("woman", "A", 500_000)] * 5 + [("man", "A", 500_000)] * 5
    quartiles = compute_figures(workforce(rows)).pay_transparency["quartiles"]
    assert quartiles[0] == {"band": 1, "women_pct": 50.0, "men_pct": 50.0}
    assert [q["women_pct"] for q in quartiles[1:]] == [None, None, None]


def test_quartiles_as_equal_as_possible() -> None:
    rows = [("woman", "A", 100 + i) for i in range(5)] + [("man", "A", 200 + i) for i in range(5)]
    quartiles = compute_figures(workforce(rows)).pay_transparency["quartiles"]
    # 10 people: bands of 3, 2, 3, 2 — women are the five lowest paid
    assert [(q["women_pct"], q["men_pct"]) for q in quartiles] == [
        (100.0, 0.0), (100.0, 0.0), (0.0, 100.0), (0.0, 100.0)
    ]  # fmt: skip


def test_invalid_report_arguments() -> None:
    frame = accepted(CLEAN)
    with pytest.raises(ValueError, match="year"):
        build_report(frame, year=20, organisation="X")
    with pytest.raises(ValueError, match="annual_base_pay"):
        build_report(frame.drop("annual_base_pay"), year=2025, organisation="X")
    with pytest.raises(ValueError, match="audience"):
        compute_figures(frame, audience="everyone")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no employees"):
        compute_figures(frame.clear())
    with pytest.raises(ValueError, match="negative"):
        compute_figures(frame, recruitment={"applicants": {"women": -1}})
