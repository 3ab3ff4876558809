"""Whole-organisation indicators by gender: temporary and part-time staff, involuntary
part-time, parental leave, sick leave, child sick days and overtime."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from lim.equality.stats.frames import Sums, count, has, number, per_gender
from lim.equality.stats.privacy import small_group, too_small
from lim.equality.stats.rounding import mean1, pct
from lim.equality.stats.types import (
    ChildSickDays,
    GenderShare,
    Overtime,
    ParentalLeave,
    SickLeave,
)


@dataclass(frozen=True)
class Indicators:
    temporary: GenderShare
    part_time: GenderShare
    involuntary_part_time: GenderShare | None
    parental_leave: ParentalLeave | None
    sick_leave: SickLeave | None
    child_sick_days: ChildSickDays | None
    overtime: Overtime | None
    # part-time employees whose involuntary_part_time is not known (for a warning)
    involuntary_unknown: int


def _aggregates(frame: pl.DataFrame) -> dict[str, pl.Expr]:
    part_time = pl.col("fte_percent") < 100
    aggs: dict[str, pl.Expr] = {
        "temporary": (pl.col("employment_type") == "temporary").sum(),
        "part_time": part_time.sum(),
    }
    if has(frame, "involuntary_part_time"):
        involuntary = pl.col("involuntary_part_time")
        aggs["involuntary"] = (part_time & involuntary.fill_null(False)).sum()
        aggs["involuntary_unknown"] = (part_time & involuntary.is_null()).sum()
        aggs["involuntary_known"] = involuntary.is_not_null().sum()
    if has(frame, "parental_leave_weeks"):
        weeks = number(frame, "parental_leave_weeks")
        aggs["parental_n"] = (weeks > 0).sum()
        aggs["parental_sum"] = weeks.filter(weeks > 0).sum()
    if has(frame, "sick_leave_days", "planned_work_days"):
        known = pl.col("planned_work_days").is_not_null()
        aggs["sick_n"] = known.sum()
        aggs["sick_sum"] = number(frame, "sick_leave_days").filter(known).sum()
        aggs["planned_sum"] = pl.col("planned_work_days").filter(known).sum()
    if has(frame, "child_sick_days", "has_child_under_12"):
        parent = pl.col("has_child_under_12").fill_null(False)
        aggs["child_n"] = parent.sum()
        aggs["child_sum"] = number(frame, "child_sick_days").filter(parent).sum()
    if has(frame, "overtime_hours"):
        aggs["overtime_sum"] = number(frame, "overtime_hours").sum()
    return aggs


def _share(sums: Sums, key: str) -> GenderShare:
    women, men = count(sums, "woman", key), count(sums, "man", key)
    other, unknown = count(sums, "other", key), count(sums, "unknown", key)
    group = women + men + other + unknown
    return {
        "women": women,
        "men": men,
        "other": other,
        "unknown": unknown,
        "women_pct": pct(women, group),
        "men_pct": pct(men, group),
        "share_of_women_pct": pct(women, count(sums, "woman")),
        "share_of_men_pct": pct(men, count(sums, "man")),
    }


def _value(sums: Sums, gender: str, key: str) -> float:
    value = sums[gender][key]
    return 0.0 if value is None else float(value)


def indicators(frame: pl.DataFrame, *, min_group_size: int) -> Indicators:
    sums = per_gender(frame, _aggregates(frame))
    w, m = "woman", "man"

    def small(key: str) -> bool:
        return too_small(count(sums, w, key), count(sums, m, key), min_group_size)

    involuntary: GenderShare | None = None
    involuntary_unknown = 0
    if "involuntary" in sums[w]:
        involuntary_unknown = sum(count(sums, g, "involuntary_unknown") for g in sums)
        if sum(count(sums, g, "involuntary_known") for g in sums):
            involuntary = _share(sums, "involuntary")

    parental: ParentalLeave | None = None
    if "parental_n" in sums[w]:
        hidden = small("parental_n")
        parental = {
            "women_n": count(sums, w, "parental_n"),
            "men_n": count(sums, m, "parental_n"),
            "women_avg_weeks": None
            if hidden
            else mean1(_value(sums, w, "parental_sum"), count(sums, w, "parental_n")),
            "men_avg_weeks": None
            if hidden
            else mean1(_value(sums, m, "parental_sum"), count(sums, m, "parental_n")),
            "suppressed": hidden,
            "suppressed_reason": small_group(hidden),
        }

    sick: SickLeave | None = None
    if "sick_n" in sums[w]:
        hidden = small("sick_n")
        sick = {
            "women_pct": None
            if hidden
            else pct(_value(sums, w, "sick_sum"), _value(sums, w, "planned_sum")),
            "men_pct": None
            if hidden
            else pct(_value(sums, m, "sick_sum"), _value(sums, m, "planned_sum")),
            "suppressed": hidden,
            "suppressed_reason": small_group(hidden),
        }

    child: ChildSickDays | None = None
    if "child_n" in sums[w]:
        hidden = small("child_n")
        child = {
            "women_avg": None
            if hidden
            else mean1(_value(sums, w, "child_sum"), count(sums, w, "child_n")),
            "men_avg": None
            if hidden
            else mean1(_value(sums, m, "child_sum"), count(sums, m, "child_n")),
            "suppressed": hidden,
            "suppressed_reason": small_group(hidden),
        }

    overtime: Overtime | None = None
    if "overtime_sum" in sums[w]:
        hidden = small("n")
        overtime = {
            "women_avg_hours": None
            if hidden
            else mean1(_value(sums, w, "overtime_sum"), count(sums, w)),
            "men_avg_hours": None
            if hidden
            else mean1(_value(sums, m, "overtime_sum"), count(sums, m)),
            "suppressed": hidden,
            "suppressed_reason": small_group(hidden),
        }

    return Indicators(
        temporary=_share(sums, "temporary"),
        part_time=_share(sums, "part_time"),
        involuntary_part_time=involuntary,
        parental_leave=parental,
        sick_leave=sick,
        child_sick_days=child,
        overtime=overtime,
        involuntary_unknown=involuntary_unknown,
    )
