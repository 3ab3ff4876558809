"""Privacy properties over random workforces (hypothesis).

1. No published figure is about a group smaller than the threshold.
2. In internal output, no suppressed group's mean pay can be computed from the published
   means and counts: per gender, the rows add up to the total (mean × count), so a hidden
   figure is derivable exactly when it is the only unknown in that sum.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lim.equality.report import build_report


@st.composite
def workforces(draw: st.DrawFn) -> pl.DataFrame:
    n = draw(st.integers(1, 70))
    levels = draw(st.lists(st.sampled_from("ABCDEF"), min_size=1, max_size=5, unique=True))
    women_share = draw(st.floats(0.05, 0.95))

    def person(_: int) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries(
            {
                "gender": st.sampled_from(["binary"] * 12 + ["other", "unknown"]),
                "level": st.sampled_from(levels),
                "pay": st.integers(300, 1500).map(lambda k: k * 1000),
                "fte": st.sampled_from([100.0, 100.0, 80.0, 50.0]),
                "variable": st.sampled_from([0.0, 0.0, 5000.0, 20000.0]),
                "weeks": st.sampled_from([0.0, 0.0, 4.0, 20.0]),
                "child": st.booleans(),
                "days": st.integers(0, 10).map(float),
                "category": st.sampled_from(["X", "Y", "Z", None]),
            }
        )

    people = [draw(person(i)) for i in range(n)]
    for p in people:  # skew the mix so small groups are common
        if p["gender"] == "binary":
            p["gender"] = "woman" if draw(st.floats(0, 1)) < women_share else "man"
    return pl.DataFrame(
        {
            "employee_id": [str(i) for i in range(n)],
            "gender": [p["gender"] for p in people],
            "level": [p["level"] for p in people],
            "fte_percent": [p["fte"] for p in people],
            "employment_type": ["permanent"] * n,
            "annual_base_pay": [float(p["pay"]) for p in people],
            "variable_pay": [p["variable"] for p in people],
            "overtime_hours": [p["days"] for p in people],
            "parental_leave_weeks": [p["weeks"] for p in people],
            "has_child_under_12": [p["child"] for p in people],
            "child_sick_days": [p["days"] for p in people],
            "sick_leave_days": [p["days"] for p in people],
            "planned_work_days": [230.0] * n,
            "position_category": [p["category"] for p in people],
        },
        schema_overrides={"position_category": pl.String},
    )


def _count(frame: pl.DataFrame, gender: str, where: pl.Expr | None = None) -> int:
    selected = frame.filter(pl.col("gender") == gender)
    return selected.height if where is None else selected.filter(where).height


def _both(frame: pl.DataFrame, where: pl.Expr | None = None) -> tuple[int, int]:
    return _count(frame, "woman", where), _count(frame, "man", where)


PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(workforces(), st.sampled_from(["public", "internal"]), st.integers(3, 7))
def test_no_published_figure_about_a_small_group(
    frame: pl.DataFrame, audience: str, threshold: int
) -> None:
    report = build_report(
        frame, year=2025, organisation="X", audience=audience, min_group_size=threshold
    ).to_json_dict()

    def big_enough(counts: tuple[int, int]) -> bool:
        return min(counts) >= threshold

    figures = ("women_pct_of_men_mean", "women_pct_of_men_median", "women_mean", "men_mean",
               "women_median", "men_median")  # fmt: skip
    for row in report["pay"]["rows"]:
        published = [row.get(k) for k in figures if row.get(k) is not None]
        if published:
            assert big_enough((row["women"], row["men"])), row
        if row["suppressed"]:
            assert not published
    parental = report["parental_leave"]
    if parental["women_avg_weeks"] is not None:
        assert big_enough((parental["women_n"], parental["men_n"]))
    if report["sick_leave"]["women_pct"] is not None:
        assert big_enough(_both(frame, pl.col("planned_work_days").is_not_null()))
    if report["child_sick_days"]["women_avg"] is not None:
        assert big_enough(_both(frame, pl.col("has_child_under_12")))
    if report["overtime"]["women_avg_hours"] is not None:
        assert big_enough(_both(frame))
    transparency = report["pay_transparency"]
    if transparency["mean_gap_pct"] is not None:
        assert big_enough(_both(frame))
    if transparency["variable_mean_gap_pct"] is not None:
        assert big_enough(_both(frame, pl.col("variable_pay") > 0))
    for row in transparency["by_category"]:
        if row["mean_gap_pct"] is not None or row["median_gap_pct"] is not None:
            assert big_enough((row["women"], row["men"]))
            category = frame.filter(pl.col("position_category") == row["label"])
            assert (row["women"], row["men"]) == _both(category)


@PROPERTY
@given(workforces(), st.integers(3, 7))
def test_no_suppressed_mean_can_be_derived(frame: pl.DataFrame, threshold: int) -> None:
    report = build_report(
        frame, year=2025, organisation="X", audience="internal", min_group_size=threshold
    ).to_json_dict()
    total, *levels = report["pay"]["rows"]
    for gender, mean_key, value in (("women", "women_mean", "woman"), ("men", "men_mean", "man")):
        unknown = [r for r in [total, *levels] if r["suppressed"] and r[gender] > 0]
        if len(unknown) != 1:
            continue
        # Exactly one unknown: the attack total × n − Σ published would reveal it.
        (hidden,) = unknown
        published = sum(r[mean_key] * r[gender] for r in levels if not r["suppressed"])
        if hidden is total:
            derived = published / total[gender]
        else:
            derived = (total[mean_key] * total[gender] - published) / hidden[gender]
        level = frame if hidden is total else frame.filter(pl.col("level") == hidden["label"])
        actual = level.filter(pl.col("gender") == value)["annual_base_pay"].mean()
        raise AssertionError(
            f"{gender} mean of {hidden['label']} is derivable: {derived} ≈ {actual}"
        )


@settings(PROPERTY, max_examples=25)
@given(workforces())
def test_counts_add_up(frame: pl.DataFrame) -> None:
    report = build_report(frame, year=2025, organisation="X").to_json_dict()
    total, *levels = report["gender_balance"]["rows"]
    for key in ("women", "men", "other", "unknown"):
        assert total[key] == sum(r[key] for r in levels)
    assert sum(total[k] for k in ("women", "men", "other", "unknown")) == frame.height
