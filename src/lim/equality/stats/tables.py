"""Gender balance and pay per level (the statutory tables)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import polars as pl

from lim.equality.stats.privacy import SuppressionReason, complementary, reason, too_small
from lim.equality.stats.rounding import kroner, pct, ratio_pct
from lim.equality.stats.types import GENDERS, Audience, GenderBalance, GenderRow, Pay, PayRow

TOTAL_LABEL = "Totalt"
PAY = "annual_base_pay"

_Cell = dict[str, Any]  # n, pay_sum, pay_median


def level_order(frame: pl.DataFrame) -> list[str]:
    """By `level_rank` (lowest rank of the level) when present, else first appearance."""
    if "level_rank" not in frame.columns:
        return frame.get_column("level").unique(maintain_order=True).to_list()
    order = (
        frame.group_by("level", maintain_order=True)
        .agg(pl.col("level_rank").min())
        .with_row_index("first")
        .sort(["level_rank", "first"], nulls_last=True)
    )
    return order.get_column("level").to_list()


def _cells(frame: pl.DataFrame) -> tuple[dict[str, _Cell], dict[tuple[str, str], _Cell]]:
    aggs = {
        "n": pl.len(),
        "pay_sum": pl.col(PAY).sum(),
        "pay_median": pl.col(PAY).median(),
    }
    totals = {row.pop("gender"): row for row in frame.group_by("gender").agg(**aggs).to_dicts()}
    levels: dict[tuple[str, str], _Cell] = {}
    for row in frame.group_by("level", "gender").agg(**aggs).iter_rows(named=True):
        levels[(row.pop("level"), row.pop("gender"))] = row
    return totals, levels


def _n(cells: dict[str, _Cell], gender: str) -> int:
    cell = cells.get(gender)
    return 0 if cell is None else int(cell["n"])


def _gender_row(label: str, is_total: bool, cells: dict[str, _Cell]) -> GenderRow:
    counts = {g: _n(cells, g) for g in GENDERS}
    total = sum(counts.values())
    return {
        "label": label,
        "is_total": is_total,
        "women": counts["woman"],
        "men": counts["man"],
        "other": counts["other"],
        "unknown": counts["unknown"],
        "women_pct": pct(counts["woman"], total),
        "men_pct": pct(counts["man"], total),
    }


def _mean(cell: _Cell | None) -> Decimal | None:
    if cell is None or not cell["n"]:
        return None
    return Decimal(float(cell["pay_sum"])) / int(cell["n"])


def _median(cell: _Cell | None) -> Decimal | None:
    if cell is None or cell["pay_median"] is None:
        return None
    return Decimal(float(cell["pay_median"]))


def _pay_row(
    label: str,
    is_total: bool,
    cells: dict[str, _Cell],
    why: SuppressionReason | None,
    audience: Audience,
) -> PayRow:
    suppressed = why is not None
    women, men = cells.get("woman"), cells.get("man")
    row: PayRow = {
        "label": label,
        "is_total": is_total,
        "women": _n(cells, "woman"),
        "men": _n(cells, "man"),
        "women_pct_of_men_mean": None,
        "women_pct_of_men_median": None,
        "suppressed": suppressed,
        "suppressed_reason": why,
    }
    if not suppressed:
        row["women_pct_of_men_mean"] = ratio_pct(_mean(women), _mean(men))
        row["women_pct_of_men_median"] = ratio_pct(_median(women), _median(men))
    if audience == "internal":
        figures = (_mean(women), _mean(men), _median(women), _median(men))
        women_mean, men_mean, women_median, men_median = (
            None if suppressed or value is None else kroner(value) for value in figures
        )
        row["women_mean"] = women_mean
        row["men_mean"] = men_mean
        row["women_median"] = women_median
        row["men_median"] = men_median
    return row


def gender_balance_and_pay(
    frame: pl.DataFrame, *, min_group_size: int, audience: Audience
) -> tuple[GenderBalance, Pay]:
    totals, levels = _cells(frame)
    order = level_order(frame)
    per_level = [{g: levels[(lv, g)] for g in GENDERS if (lv, g) in levels} for lv in order]

    balance: GenderBalance = {
        "rows": [
            _gender_row(TOTAL_LABEL, True, totals),
            *(_gender_row(lv, False, cells) for lv, cells in zip(order, per_level, strict=True)),
        ]
    }

    def counts(cells: dict[str, _Cell]) -> tuple[int, int]:
        return _n(cells, "woman"), _n(cells, "man")

    total_counts = counts(totals)
    row_counts = [counts(cells) for cells in per_level]
    total_small = too_small(*total_counts, min_group_size)
    small = [too_small(*c, min_group_size) for c in row_counts]
    total_hidden, hidden = complementary(total_counts, total_small, row_counts, small)
    why = [reason(s, h) for s, h in zip(small, hidden, strict=True)]
    pay: Pay = {
        "basis": "annual_base_pay_full_time",
        "rows": [
            _pay_row(TOTAL_LABEL, True, totals, reason(total_small, total_hidden), audience),
            *(
                _pay_row(lv, False, cells, w, audience)
                for lv, cells, w in zip(order, per_level, why, strict=True)
            ),
        ],
    }
    return balance, pay
