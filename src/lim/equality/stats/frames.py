"""Shared helpers: aggregates per gender in one pass, as plain numbers."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import polars as pl

from lim.equality.stats.types import GENDERS

Sums = dict[str, dict[str, Any]]


def per_gender(frame: pl.DataFrame, aggs: Mapping[str, pl.Expr], by: str = "gender") -> Sums:
    """gender -> aggregate name -> value; genders without rows get 0 counts and sums."""
    rows = frame.group_by(by).agg(n=pl.len(), **aggs).iter_rows(named=True)
    found = {row.pop(by): row for row in rows}
    empty = {"n": 0, **dict.fromkeys(aggs, None)}
    return {gender: found.get(gender, empty) for gender in GENDERS}


def count(sums: Sums, gender: str, key: str = "n") -> int:
    value = sums[gender][key]
    return 0 if value is None else int(value)


def exact(value: Any) -> Decimal | None:
    """A polars float as the exact Decimal of its binary value."""
    return None if value is None else Decimal(float(value))


def has(frame: pl.DataFrame, *columns: str) -> bool:
    return all(c in frame.columns for c in columns)


def number(frame: pl.DataFrame, column: str) -> pl.Expr:
    """An optional amount column; an empty cell in an HR export means none."""
    if column in frame.columns:
        return pl.col(column).fill_null(0.0)
    return pl.lit(0.0)
