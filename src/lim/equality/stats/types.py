"""The report's tables, shaped exactly as their JSON form (formats/equality-report.md)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from lim.equality.stats.privacy import SuppressionReason

Audience = Literal["public", "internal"]
GENDERS = ("woman", "man", "other", "unknown")


class GenderRow(TypedDict):
    label: str
    is_total: bool
    women: int
    men: int
    other: int
    unknown: int
    women_pct: float | None
    men_pct: float | None


class GenderBalance(TypedDict):
    rows: list[GenderRow]


class PayRow(TypedDict):
    label: str
    is_total: bool
    women: int
    men: int
    women_pct_of_men_mean: float | None
    women_pct_of_men_median: float | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None
    # internal audience only, whole kroner
    women_mean: NotRequired[int | None]
    men_mean: NotRequired[int | None]
    women_median: NotRequired[int | None]
    men_median: NotRequired[int | None]


class Pay(TypedDict):
    basis: str
    rows: list[PayRow]


class GenderShare(TypedDict):
    """Temporary, part-time, involuntary part-time: counts, each gender's share of the
    group (`*_pct`) and the group's share of each gender (`share_of_*_pct`)."""

    women: int
    men: int
    other: int
    unknown: int
    women_pct: float | None
    men_pct: float | None
    share_of_women_pct: float | None
    share_of_men_pct: float | None


class ParentalLeave(TypedDict):
    women_n: int
    men_n: int
    women_avg_weeks: float | None
    men_avg_weeks: float | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None


class SickLeave(TypedDict):
    women_pct: float | None
    men_pct: float | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None


class ChildSickDays(TypedDict):
    women_avg: float | None
    men_avg: float | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None


class Overtime(TypedDict):
    women_avg_hours: float | None
    men_avg_hours: float | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None


class GenderCount(TypedDict):
    women: int
    men: int
    other: int
    unknown: int
    women_pct: float | None
    men_pct: float | None
    other_pct: float | None
    unknown_pct: float | None


class Recruitment(TypedDict):
    applicants: GenderCount
    hired: GenderCount


class Quartile(TypedDict):
    band: int
    women_pct: float | None
    men_pct: float | None


class CategoryGap(TypedDict):
    label: str
    women: int
    men: int
    mean_gap_pct: float | None
    median_gap_pct: float | None
    joint_assessment_trigger: bool | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None


class PayTransparency(TypedDict):
    mean_gap_pct: float | None
    median_gap_pct: float | None
    variable_mean_gap_pct: float | None
    variable_median_gap_pct: float | None
    variable_share_women_pct: float | None
    variable_share_men_pct: float | None
    quartiles: list[Quartile]
    by_category: list[CategoryGap] | None
    suppressed: bool
    suppressed_reason: SuppressionReason | None
