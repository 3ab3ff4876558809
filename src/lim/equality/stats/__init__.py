"""The equality statement's figures: pure, columnar (polars), no Django.

`compute_figures` takes a canonical workforce frame (as `lim.equality.reader` returns it)
and returns every table of formats/equality-report.md, already rounded and suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from lim.equality.stats.indicators import indicators
from lim.equality.stats.privacy import (
    DEFAULT_MIN_GROUP_SIZE,
    LOWEST_MIN_GROUP_SIZE,
    MinGroupSizeError,
    check_min_group_size,
)
from lim.equality.stats.recruitment import (
    RecruitmentCounts,
    recruitment_from_applications,
    recruitment_from_counts,
)
from lim.equality.stats.tables import TOTAL_LABEL, gender_balance_and_pay
from lim.equality.stats.transparency import pay_transparency
from lim.equality.stats.types import (
    Audience,
    ChildSickDays,
    GenderBalance,
    GenderShare,
    Overtime,
    ParentalLeave,
    Pay,
    PayTransparency,
    Recruitment,
    SickLeave,
)

__all__ = [
    "DEFAULT_MIN_GROUP_SIZE",
    "LOWEST_MIN_GROUP_SIZE",
    "TOTAL_LABEL",
    "Audience",
    "Figures",
    "MinGroupSizeError",
    "RecruitmentCounts",
    "check_min_group_size",
    "compute_figures",
]


@dataclass(frozen=True)
class Figures:
    gender_balance: GenderBalance
    pay: Pay
    temporary: GenderShare
    part_time: GenderShare
    involuntary_part_time: GenderShare | None
    parental_leave: ParentalLeave | None
    sick_leave: SickLeave | None
    child_sick_days: ChildSickDays | None
    overtime: Overtime | None
    recruitment: Recruitment | None
    pay_transparency: PayTransparency
    # for warnings: part-time employees without an involuntary_part_time value, and
    # employees without a position_category
    involuntary_unknown: int
    without_category: int


def compute_figures(
    workforce: pl.DataFrame,
    *,
    audience: Audience = "public",
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    applications: pl.DataFrame | None = None,
    recruitment: RecruitmentCounts | None = None,
) -> Figures:
    """Every figure of the report. Optional columns may be absent from `workforce`; the
    figures that need them are None. `recruitment` (counts from the app's own cases)
    takes precedence over `applications`."""
    check_min_group_size(min_group_size)
    if audience not in ("public", "internal"):
        raise ValueError(f"audience must be public or internal, not {audience!r}")
    if workforce.height == 0:
        raise ValueError("the workforce has no employees")
    balance, pay = gender_balance_and_pay(
        workforce, min_group_size=min_group_size, audience=audience
    )
    people = indicators(workforce, min_group_size=min_group_size)
    transparency = pay_transparency(workforce, min_group_size=min_group_size)
    hiring: Recruitment | None = None
    if recruitment is not None:
        hiring = recruitment_from_counts(recruitment)
    elif applications is not None:
        hiring = recruitment_from_applications(applications)
    return Figures(
        gender_balance=balance,
        pay=pay,
        temporary=people.temporary,
        part_time=people.part_time,
        involuntary_part_time=people.involuntary_part_time,
        parental_leave=people.parental_leave,
        sick_leave=people.sick_leave,
        child_sick_days=people.child_sick_days,
        overtime=people.overtime,
        recruitment=hiring,
        pay_transparency=transparency.figures,
        involuntary_unknown=people.involuntary_unknown,
        without_category=transparency.without_category,
    )
