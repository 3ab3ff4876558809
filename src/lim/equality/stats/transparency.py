"""Pay-transparency indicators (EU directive 2023/970 art. 9 and 10) on total pay.

Total pay = annual_base_pay + (fixed_allowances + variable_pay) scaled to full time.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl

from lim.equality.stats.frames import Sums, count, exact, has, number, per_gender
from lim.equality.stats.privacy import small_group, too_small
from lim.equality.stats.rounding import gap_pct, pct
from lim.equality.stats.types import CategoryGap, PayTransparency, Quartile

TRIGGER_PCT = 5.0  # art. 10: a gap of 5 % or more in a category calls for a joint assessment
_TOTAL = "__total_pay"
_VARIABLE = "__variable_pay"


@dataclass(frozen=True)
class Transparency:
    figures: PayTransparency
    without_category: int  # employees left out of the gap per category


def _full_time(frame: pl.DataFrame, column: str) -> pl.Expr:
    return number(frame, column) * 100 / pl.col("fte_percent")


def _mean(sums: Sums, gender: str, key: str, n_key: str) -> Decimal | None:
    n = count(sums, gender, n_key)
    total = exact(sums[gender][key])
    return None if n == 0 or total is None else total / n


def _cell_mean(cell: dict[str, Any]) -> Decimal | None:
    total = exact(cell["total"])
    return None if total is None or not cell["n"] else total / int(cell["n"])


def _quartiles(frame: pl.DataFrame, hidden: bool) -> list[Quartile]:
    """Four bands as equal as possible by rank; a tie across a boundary stays together
    in the lower band."""
    n = frame.height
    ranked = frame.select("gender", _TOTAL).sort(_TOTAL)
    position_band = pl.int_range(pl.len(), dtype=pl.Int64) * 4 // n + 1
    # Sorted, a tie is a run of equal pay: the whole run takes the band of its first.
    starts_run = pl.col(_TOTAL).ne_missing(pl.col(_TOTAL).shift(1))
    ranked = ranked.with_columns(
        band=pl.when(starts_run).then(position_band).otherwise(None).forward_fill()
    )
    counts: dict[tuple[int, str], int] = {
        (band, gender): size
        for band, gender, size in ranked.group_by("band", "gender").len().iter_rows()
    }
    bands: list[Quartile] = []
    for band in (1, 2, 3, 4):
        size = sum(v for (b, _), v in counts.items() if b == band)
        bands.append(
            {
                "band": band,
                "women_pct": None if hidden else pct(counts.get((band, "woman"), 0), size),
                "men_pct": None if hidden else pct(counts.get((band, "man"), 0), size),
            }
        )
    return bands


def _by_category(frame: pl.DataFrame, min_group_size: int) -> list[CategoryGap]:
    grouped = (
        frame.filter(pl.col("position_category").is_not_null())
        .group_by("position_category", "gender", maintain_order=True)
        .agg(n=pl.len(), total=pl.col(_TOTAL).sum(), median=pl.col(_TOTAL).median())
    )
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for row in grouped.iter_rows(named=True):
        cells.setdefault(row["position_category"], {})[row["gender"]] = row
    rows: list[CategoryGap] = []
    for label, by_gender in cells.items():
        women, men = by_gender.get("woman"), by_gender.get("man")
        n_women = 0 if women is None else int(women["n"])
        n_men = 0 if men is None else int(men["n"])
        hidden = too_small(n_women, n_men, min_group_size)
        mean_gap = median_gap = None
        trigger: bool | None = None
        if not hidden and women is not None and men is not None:
            mean_gap = gap_pct(_cell_mean(men), _cell_mean(women))
            median_gap = gap_pct(exact(men["median"]), exact(women["median"]))
            trigger = None if mean_gap is None else abs(mean_gap) >= TRIGGER_PCT
        rows.append(
            {
                "label": label,
                "women": n_women,
                "men": n_men,
                "mean_gap_pct": mean_gap,
                "median_gap_pct": median_gap,
                "joint_assessment_trigger": trigger,
                "suppressed": hidden,
                "suppressed_reason": small_group(hidden),
            }
        )
    return rows


def pay_transparency(frame: pl.DataFrame, *, min_group_size: int) -> Transparency:
    variable = has(frame, "variable_pay")
    frame = frame.with_columns(
        (
            pl.col("annual_base_pay")
            + _full_time(frame, "fixed_allowances")
            + _full_time(frame, "variable_pay")
        ).alias(_TOTAL),
        _full_time(frame, "variable_pay").alias(_VARIABLE),
    )
    receives = pl.col(_VARIABLE) > 0
    sums = per_gender(
        frame,
        {
            "total": pl.col(_TOTAL).sum(),
            "median": pl.col(_TOTAL).median(),
            "variable_n": receives.sum(),
            "variable_total": pl.col(_VARIABLE).filter(receives).sum(),
            "variable_median": pl.col(_VARIABLE).filter(receives).median(),
        },
    )
    w, m = "woman", "man"
    hidden = too_small(count(sums, w), count(sums, m), min_group_size)
    variable_hidden = hidden or too_small(
        count(sums, w, "variable_n"), count(sums, m, "variable_n"), min_group_size
    )
    suppressed = hidden or (variable and variable_hidden)
    figures: PayTransparency = {
        "mean_gap_pct": None,
        "median_gap_pct": None,
        "variable_mean_gap_pct": None,
        "variable_median_gap_pct": None,
        "variable_share_women_pct": None,
        "variable_share_men_pct": None,
        "quartiles": _quartiles(frame, hidden),
        "by_category": _by_category(frame, min_group_size)
        if has(frame, "position_category")
        else None,
        "suppressed": suppressed,
        "suppressed_reason": small_group(suppressed),
    }
    if not hidden:
        figures["mean_gap_pct"] = gap_pct(
            _mean(sums, m, "total", "n"), _mean(sums, w, "total", "n")
        )
        figures["median_gap_pct"] = gap_pct(exact(sums[m]["median"]), exact(sums[w]["median"]))
        if variable:
            figures["variable_share_women_pct"] = pct(count(sums, w, "variable_n"), count(sums, w))
            figures["variable_share_men_pct"] = pct(count(sums, m, "variable_n"), count(sums, m))
    if variable and not variable_hidden:
        figures["variable_mean_gap_pct"] = gap_pct(
            _mean(sums, m, "variable_total", "variable_n"),
            _mean(sums, w, "variable_total", "variable_n"),
        )
        figures["variable_median_gap_pct"] = gap_pct(
            exact(sums[m]["variable_median"]), exact(sums[w]["variable_median"])
        )
    without = 0
    if has(frame, "position_category"):
        without = frame.get_column("position_category").null_count()
    return Transparency(figures=figures, without_category=without)
