"""Calendar arithmetic used by the rules, and dates written out for messages.

Periods in LIM include both their start and end day. Adding years or months keeps the
day of the month; when that day does not exist (29 February, 31 April) the last day of
the month is used, so 2024-02-29 minus 5 years is 2019-02-28.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from lim.rules.base import Messages

_MONTHS_NO = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier if negative), clamped to the
    month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def inclusive_days(start: date, end: date) -> int:
    """Number of days in the period start..end, both days included (0 if empty)."""
    return max(0, (end - start).days + 1)


def end_of_period(start: date, *, months: int) -> date:
    """Last day of a period of `months` calendar months starting on `start`:
    2026-01-01 + 6 months ends 2026-06-30."""
    return add_months(start, months) - timedelta(days=1)


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on the given day (a 29 February birthday counts on 1 March
    in other years)."""
    before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (1 if before_birthday else 0)


@dataclass(frozen=True, order=True)
class Period:
    """A period of days, both ends included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return inclusive_days(self.start, self.end)

    def clip(self, window: Period) -> Period | None:
        """The part of this period inside `window`, or None if they do not meet."""
        start, end = max(self.start, window.start), min(self.end, window.end)
        return Period(start, end) if start <= end else None


def union_days(periods: list[Period]) -> int:
    """Days covered by at least one of the periods: overlapping days count once."""
    total = 0
    current: Period | None = None
    for period in sorted(periods):
        if current is None:
            current = period
        elif period.start <= current.end + timedelta(days=1):
            current = Period(current.start, max(current.end, period.end))
        else:
            total += current.days
            current = period
    if current is not None:
        total += current.days
    return total


def spoken(day: date) -> Messages:
    """A date as written in running text: '1. mars 2026' / '1 March 2026'."""
    norwegian = f"{day.day}. {_MONTHS_NO[day.month - 1]} {day.year}"
    return Messages(
        nb=norwegian, nn=norwegian, en=f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    )
