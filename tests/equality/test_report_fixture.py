"""Every figure of the report for a 24-person fixture, worked out by hand.

fixtures/workforce_clean.csv: 12 women, 10 men, 1 other, 1 unknown (empty gender) in three
levels listed lowest first (Konsulent rank 3, Rådgiver 2, Leder 1). The same people are in
workforce_norwegian.csv (as Norwegian Excel writes it) and in an XLSX built in conftest.
The working for each figure is in the comments.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lim.equality.reader import read_applications
from lim.equality.report import SCHEMA, build_report

from .conftest import APPLICATIONS, CLEAN, NORWEGIAN, accepted, xlsx_from_clean

W_MEAN = 8_170_000 / 12  # base pay: Leder 2,850,000 + Rådgiver 3,200,000 + Konsulent 2,120,000

EXPECTED_INTERNAL_3: dict[str, Any] = {
    "schema": SCHEMA,
    "organisation": "Fiktiv etat",
    "year": 2025,
    "audience": "internal",
    "min_group_size": 3,
    "gender_balance": {
        "rows": [
            # 12 / 24 = 50.0; 10 / 24 = 41.666… → 41.7
            {"label": "Totalt", "is_total": True, "women": 12, "men": 10, "other": 1,
             "unknown": 1, "women_pct": 50.0, "men_pct": 41.7},
            {"label": "Leder", "is_total": False, "women": 3, "men": 3, "other": 0,
             "unknown": 0, "women_pct": 50.0, "men_pct": 50.0},
            # 5 / 10, 4 / 10
            {"label": "Rådgiver", "is_total": False, "women": 5, "men": 4, "other": 1,
             "unknown": 0, "women_pct": 50.0, "men_pct": 40.0},
            # 4 / 8, 3 / 8 = 37.5
            {"label": "Konsulent", "is_total": False, "women": 4, "men": 3, "other": 0,
             "unknown": 1, "women_pct": 50.0, "men_pct": 37.5},
        ]
    },
    "pay": {
        "basis": "annual_base_pay_full_time",
        "rows": [
            # women 8,170,000 / 12 = 680,833.3; men 7,350,000 / 10 = 735,000 → 92.63 → 92.6
            # medians: women (620,000 + 640,000) / 2 = 630,000; men (670,000 + 690,000) / 2
            # = 680,000 → 92.647 → 92.6
            {"label": "Totalt", "is_total": True, "women": 12, "men": 10,
             "women_pct_of_men_mean": 92.6, "women_pct_of_men_median": 92.6,
             "suppressed": False,
             "suppressed_reason": None, "women_mean": 680_833, "men_mean": 735_000,
             "women_median": 630_000, "men_median": 680_000},
            # 950,000 / 1,033,333.3 = 91.94 → 91.9; medians 950,000 / 1,000,000 = 95.0
            {"label": "Leder", "is_total": False, "women": 3, "men": 3,
             "women_pct_of_men_mean": 91.9, "women_pct_of_men_median": 95.0,
             "suppressed": False,
             "suppressed_reason": None, "women_mean": 950_000, "men_mean": 1_033_333,
             "women_median": 950_000, "men_median": 1_000_000},
            # 640,000 / 680,000 = 94.12 → 94.1 (mean and median alike)
            {"label": "Rådgiver", "is_total": False, "women": 5, "men": 4,
             "women_pct_of_men_mean": 94.1, "women_pct_of_men_median": 94.1,
             "suppressed": False,
             "suppressed_reason": None, "women_mean": 640_000, "men_mean": 680_000,
             "women_median": 640_000, "men_median": 680_000},
            # 530,000 / 510,000 = 103.92 → 103.9; 530,000 / 500,000 = 106.0
            {"label": "Konsulent", "is_total": False, "women": 4, "men": 3,
             "women_pct_of_men_mean": 103.9, "women_pct_of_men_median": 106.0,
             "suppressed": False,
             "suppressed_reason": None, "women_mean": 530_000, "men_mean": 510_000,
             "women_median": 530_000, "men_median": 500_000},
        ],
    },
    # temporary: 101, 205 (women), 107 (man), 108 (unknown); 2/4, 1/4; 2/12 = 16.67; 1/10
    "temporary": {"women": 2, "men": 1, "other": 0, "unknown": 1, "women_pct": 50.0,
                  "men_pct": 25.0, "share_of_women_pct": 16.7, "share_of_men_pct": 10.0},
    # part-time: 102 (50), 103 (60), 201 (80); 206 (80); 210 other (90); 3/5, 1/5; 3/12
    "part_time": {"women": 3, "men": 1, "other": 1, "unknown": 0, "women_pct": 60.0,
                  "men_pct": 20.0, "share_of_women_pct": 25.0, "share_of_men_pct": 10.0},
    # involuntary: 102 and 206; 1/12 = 8.33 → 8.3
    "involuntary_part_time": {"women": 1, "men": 1, "other": 0, "unknown": 0,
                              "women_pct": 50.0, "men_pct": 50.0,
                              "share_of_women_pct": 8.3, "share_of_men_pct": 10.0},
    # women 10 + 15 + 20 + 24 = 69 / 4 = 17.25 → 17.3 (half away from zero, not 17.2);
    # men 8 + 10 + 15 = 33 / 3 = 11.0
    "parental_leave": {"women_n": 4, "men_n": 3, "women_avg_weeks": 17.3,
                       "men_avg_weeks": 11.0, "suppressed": False, "suppressed_reason": None},
    # women 115 / (11 × 230) = 4.545 → 4.5 (301 has no planned days and is left out);
    # men 69 / 2,300 = 3.0
    "sick_leave": {"women_pct": 4.5, "men_pct": 3.0, "suppressed": False,
                   "suppressed_reason": None},
    # women with a child: 2 + 4 + 6 + 8 + 0 + (empty = 0) = 20 / 6 = 3.33 → 3.3;
    # men 3 + 5 + 7 + 0 = 15 / 4 = 3.75 → 3.8 (306 has days but no child: left out)
    "child_sick_days": {"women_avg": 3.3, "men_avg": 3.8, "suppressed": False,
                        "suppressed_reason": None},
    # women 126 / 12 = 10.5; men 205 / 10 = 20.5
    "overtime": {"women_avg_hours": 10.5, "men_avg_hours": 20.5, "suppressed": False,
                 "suppressed_reason": None},
    "recruitment": {
        # applications.csv: 4 women, 5 men, 1 unknown; hired 1 woman, 2 men
        "applicants": {"women": 4, "men": 5, "other": 0, "unknown": 1, "women_pct": 40.0,
                       "men_pct": 50.0, "other_pct": 0.0, "unknown_pct": 10.0},
        "hired": {"women": 1, "men": 2, "other": 0, "unknown": 0, "women_pct": 33.3,
                  "men_pct": 66.7, "other_pct": 0.0, "unknown_pct": 0.0},
    },
    "pay_transparency": {
        # total pay (allowances scaled to full time): women 8,310,000 / 12 = 692,500,
        # men 7,500,000 / 10 = 750,000 → 57,500 / 750,000 = 7.67 → 7.7;
        # medians women (630,000 + 660,000) / 2 = 645,000, men 710,000 → 9.15 → 9.2
        "mean_gap_pct": 7.7,
        "median_gap_pct": 9.2,
        # variable pay at full time among receivers: women 10k, 30k, 10k (5,000 at 50 %),
        # 20k → mean 17,500, median 15,000; men 30k, 10k (8,000 at 80 %), 40k, 20k → 25,000
        "variable_mean_gap_pct": 30.0,
        "variable_median_gap_pct": 40.0,
        "variable_share_women_pct": 33.3,  # 4 / 12
        "variable_share_men_pct": 40.0,  # 4 / 10
        # ranked by total pay, 6 per band; the 660,000 run (203, 204, 206) straddles
        # bands 2 and 3 and stays in band 2: band 1 = W M U M W W, band 2 = M W W W W W M,
        # band 3 = W O M M M, band 4 = W W W M M M
        "quartiles": [
            {"band": 1, "women_pct": 50.0, "men_pct": 33.3},
            {"band": 2, "women_pct": 71.4, "men_pct": 28.6},
            {"band": 3, "women_pct": 20.0, "men_pct": 60.0},
            {"band": 4, "women_pct": 50.0, "men_pct": 50.0},
        ],
        "by_category": [
            # women 540,000, men 520,000 → −3.85 → −3.8; medians 535,000 / 510,000 → −4.9
            {"label": "Støtte", "women": 4, "men": 3, "mean_gap_pct": -3.8,
             "median_gap_pct": -4.9, "joint_assessment_trigger": False, "suppressed": False,
             "suppressed_reason": None},
            # 650,000 vs 697,500 → 6.81 → 6.8; medians 660,000 vs 710,000 → 7.04 → 7.0
            {"label": "Saksbehandling", "women": 5, "men": 4, "mean_gap_pct": 6.8,
             "median_gap_pct": 7.0, "joint_assessment_trigger": True, "suppressed": False,
             "suppressed_reason": None},
            # 2,900,000 vs 3,150,000 → 7.94 → 7.9; medians 950,000 vs 1,050,000 → 9.52
            {"label": "Ledelse", "women": 3, "men": 3, "mean_gap_pct": 7.9,
             "median_gap_pct": 9.5, "joint_assessment_trigger": True, "suppressed": False,
             "suppressed_reason": None},
        ],
        "suppressed": False, "suppressed_reason": None,
    },
    "warnings": [
        "1 part-time employee has no value for involuntary part-time",
        "1 employee without position_category is left out of the gap per category",
    ],
}  # fmt: skip

KRONER_KEYS = {"women_mean", "men_mean", "women_median", "men_median"}


def _expected_public_5() -> dict[str, Any]:
    """The same people at the default threshold of 5, for the public."""
    expected = copy.deepcopy(EXPECTED_INTERNAL_3)
    expected.update(audience="public", min_group_size=5)
    for row in expected["pay"]["rows"]:
        for key in KRONER_KEYS:
            del row[key]
        if not row["is_total"]:  # every level has fewer than 5 of one gender
            row.update(women_pct_of_men_mean=None, women_pct_of_men_median=None, suppressed=True)
            row["suppressed_reason"] = "small_group"
    # 4 women and 3 men took leave; 6 mothers and 4 fathers
    expected["parental_leave"].update(women_avg_weeks=None, men_avg_weeks=None, suppressed=True)
    expected["child_sick_days"].update(women_avg=None, men_avg=None, suppressed=True)
    for key in ("parental_leave", "child_sick_days"):
        expected[key]["suppressed_reason"] = "small_group"
    # 4 + 4 receivers of variable pay
    transparency = expected["pay_transparency"]
    transparency.update(variable_mean_gap_pct=None, variable_median_gap_pct=None, suppressed=True)
    transparency["suppressed_reason"] = "small_group"
    for row in transparency["by_category"]:
        row.update(mean_gap_pct=None, median_gap_pct=None, joint_assessment_trigger=None)
        row["suppressed"] = True
        row["suppressed_reason"] = "small_group"
    return expected


def _report(source: Any, **options: Any) -> dict[str, Any]:
    applications = read_applications(APPLICATIONS)
    assert applications.ok
    report = build_report(
        accepted(source),
        year=2025,
        organisation="Fiktiv etat",
        applications=applications.frame,  # type: ignore[union-attr]
        **options,
    )
    return report.to_json_dict()


SOURCES = {
    "clean csv": lambda: CLEAN,
    "norwegian excel csv": lambda: NORWEGIAN,
    "xlsx": xlsx_from_clean,
    "bytes": lambda: CLEAN.read_bytes(),
}


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_every_figure_internal(source: Any) -> None:
    assert _report(source(), audience="internal", min_group_size=3) == EXPECTED_INTERNAL_3


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_every_figure_public_default_threshold(source: Any) -> None:
    assert _report(source()) == _expected_public_5()


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_public_output_has_no_kroner() -> None:
    report = _report(CLEAN, min_group_size=3)
    assert not _keys(report) & KRONER_KEYS
    assert report["pay"]["rows"][1]["women_pct_of_men_mean"] == 91.9


def test_recruitment_counts_from_the_app_take_precedence() -> None:
    counts = {"applicants": {"women": 3, "men": 1}, "hired": {"women": 1}}
    report = build_report(
        accepted(CLEAN), year=2025, organisation="X", recruitment=counts
    ).to_json_dict()
    assert report["recruitment"] == {
        "applicants": {"women": 3, "men": 1, "other": 0, "unknown": 0, "women_pct": 75.0,
                       "men_pct": 25.0, "other_pct": 0.0, "unknown_pct": 0.0},
        "hired": {"women": 1, "men": 0, "other": 0, "unknown": 0, "women_pct": 100.0,
                  "men_pct": 0.0, "other_pct": 0.0, "unknown_pct": 0.0},
    }  # fmt: skip


@pytest.mark.parametrize("source", SOURCES.values(), ids=SOURCES.keys())
def test_cell_by_cell_road_gives_the_same_figures(
    source: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Columns with many distinct values (pay in a large file) are parsed cell by cell
    # rather than through their distinct values; force that road on the small fixture.
    monkeypatch.setattr("lim.equality.reader.values._MAX_DISTINCT", 0)
    assert _report(source(), audience="internal", min_group_size=3) == EXPECTED_INTERNAL_3
