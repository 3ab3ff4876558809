"""The equality statement as one object, and its JSON form (formats/equality-report.md).

The web UI and `lim equality report` both call `build_report`; every renderer takes the
dict from `Report.to_json_dict()`, so all formats show the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from lim.equality.reader.problems import Lang, Problem
from lim.equality.stats import (
    DEFAULT_MIN_GROUP_SIZE,
    Audience,
    Figures,
    RecruitmentCounts,
    check_min_group_size,
    compute_figures,
)

SCHEMA = "lim.equality-report/1"
REQUIRED_COLUMNS = (
    "employee_id",
    "gender",
    "level",
    "fte_percent",
    "employment_type",
    "annual_base_pay",
)

# figure -> the optional columns it needs
_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("involuntary_part_time", ("involuntary_part_time",)),
    ("parental_leave", ("parental_leave_weeks",)),
    ("sick_leave", ("sick_leave_days", "planned_work_days")),
    ("child_sick_days", ("child_sick_days", "has_child_under_12")),
    ("overtime", ("overtime_hours",)),
    ("pay_transparency.variable_*", ("variable_pay",)),
    ("pay_transparency.by_category", ("position_category",)),
)


@dataclass(frozen=True)
class Report:
    organisation: str
    year: int
    audience: Audience
    min_group_size: int
    figures: Figures
    warnings: tuple[Problem, ...]

    def to_json_dict(self, lang: Lang | str = "en") -> dict[str, Any]:
        """The JSON form; warnings are rendered in `lang` (nb, nn or en)."""
        f = self.figures
        return {
            "schema": SCHEMA,
            "organisation": self.organisation,
            "year": self.year,
            "audience": self.audience,
            "min_group_size": self.min_group_size,
            "gender_balance": f.gender_balance,
            "pay": f.pay,
            "temporary": f.temporary,
            "part_time": f.part_time,
            "involuntary_part_time": f.involuntary_part_time,
            "parental_leave": f.parental_leave,
            "sick_leave": f.sick_leave,
            "child_sick_days": f.child_sick_days,
            "overtime": f.overtime,
            "recruitment": f.recruitment,
            "pay_transparency": f.pay_transparency,
            "warnings": [w.message(lang) for w in self.warnings],
        }


def _warnings(workforce: pl.DataFrame, figures: Figures) -> list[Problem]:
    found: list[Problem] = []

    def warn(code: str, **params: str | int) -> None:
        found.append(Problem(code, params, severity="warning"))

    columns = set(workforce.columns)
    for figure, needs in _NEEDS:
        for name in needs:
            if name not in columns:
                warn("report.column_missing", name=name, figure=figure)
    if "involuntary_part_time" in columns:
        if figures.involuntary_part_time is None:
            warn(
                "report.column_empty", name="involuntary_part_time", figure="involuntary_part_time"
            )
        elif figures.involuntary_unknown:
            warn("report.involuntary_unknown", count=figures.involuntary_unknown)
    if "fixed_allowances" not in columns:
        warn("report.total_pay_partial", name="fixed_allowances")
    if figures.without_category:
        warn("report.category_missing", count=figures.without_category)
    if figures.recruitment is None:
        warn("report.no_recruitment")
    return found


def build_report(
    workforce: pl.DataFrame,
    *,
    year: int,
    organisation: str,
    audience: Audience = "public",
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
    applications: pl.DataFrame | None = None,
    recruitment: RecruitmentCounts | None = None,
    warnings: Sequence[Problem] = (),
) -> Report:
    """Build the statement from a canonical workforce frame (`lim.equality.reader`).

    `recruitment` (counts from the app's own cases) takes precedence over `applications`
    (a frame from `read_applications`). `warnings` from the import are carried along.
    Raises `MinGroupSizeError` for a threshold below 3 and ValueError for a frame that
    lacks a required column.
    """
    check_min_group_size(min_group_size)
    missing = [c for c in REQUIRED_COLUMNS if c not in workforce.columns]
    if missing:
        raise ValueError(f"the workforce frame lacks required columns: {', '.join(missing)}")
    if not 1900 <= year <= 2100:
        raise ValueError(f"year must be between 1900 and 2100, not {year}")
    figures = compute_figures(
        workforce,
        audience=audience,
        min_group_size=min_group_size,
        applications=applications,
        recruitment=recruitment,
    )
    return Report(
        organisation=organisation,
        year=year,
        audience=audience,
        min_group_size=min_group_size,
        figures=figures,
        warnings=(*warnings, *_warnings(workforce, figures)),
    )
