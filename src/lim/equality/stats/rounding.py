"""Rounding as the report states it: half away from zero, never banker's rounding.

Ratios are computed in Decimal from the exact sums and counts, so a figure that is
exactly on a half (12.25 %) is rounded up as a person checking by hand would.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_TENTH = Decimal("0.1")
_ONE = Decimal(1)

Number = Decimal | int | float


def round1(value: Decimal) -> float:
    """One decimal, half away from zero (Decimal's ROUND_HALF_UP works on the magnitude)."""
    return float(value.quantize(_TENTH, rounding=ROUND_HALF_UP)) + 0.0  # no -0.0


def kroner(value: Decimal) -> int:
    """Whole kroner, half away from zero."""
    return int(value.quantize(_ONE, rounding=ROUND_HALF_UP))


def pct(part: Number, whole: Number) -> float | None:
    """part / whole × 100 to one decimal; None when whole is 0."""
    if whole == 0:
        return None
    return round1(Decimal(part) * 100 / Decimal(whole))


def mean(total: Number, count: int) -> Decimal | None:
    return None if count == 0 else Decimal(total) / count


def mean1(total: Number, count: int) -> float | None:
    """A mean (weeks, days, hours) to one decimal; None for an empty group."""
    value = mean(total, count)
    return None if value is None else round1(value)


def ratio_pct(numerator: Decimal | None, denominator: Decimal | None) -> float | None:
    """numerator / denominator × 100 (women's pay as a percentage of men's)."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return round1(numerator * 100 / denominator)


def gap_pct(men: Decimal | None, women: Decimal | None) -> float | None:
    """(men − women) / men × 100: positive when men are paid more."""
    if men is None or women is None or men == 0:
        return None
    return round1((men - women) * 100 / men)
