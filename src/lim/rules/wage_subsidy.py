"""Temporary wage subsidy from NAV (tiltaksforskriften § 9-4): an estimate over the
planned period, month by month.

- Monthly reimbursement basis = salary + holiday pay + occupational pension on
  (salary + holiday pay) + employer's social security contribution on
  (salary + holiday pay + pension); kept exact (Decimal), not rounded on the way.
- Full month: amount = round(basis × percent / 100). Partial month:
  round(days × full monthly amount / 30.4375). Rounding is half up (ROUND_HALF_UP).
- The rate steps down after 6 months (40 % → 30 %), or after 12 months with reduced work
  capacity (60 % → 50 %), counted from the start date. When that falls inside a calendar
  month the month gets two rows, one per rate.
- At most 12 months, or 24 with reduced work capacity; days beyond the limit are listed
  with 0 % and nothing paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from lim.rules.base import (
    DEFAULT_ORGANISATION,
    JSON,
    Finding,
    Lang,
    Level,
    Messages,
    OrganisationSettings,
    Outcome,
    RuleDefinition,
    RuleKind,
    adjust_for_organisation,
    parameters_of,
    round_half_up,
)
from lim.rules.dates import add_months, days_in_month, end_of_period, inclusive_days, spoken


@dataclass(frozen=True)
class WageSubsidyParameters:
    standard_first_percent: int = 40
    standard_first_months: int = 6
    standard_later_percent: int = 30
    standard_max_months: int = 12
    reduced_first_percent: int = 60
    reduced_first_months: int = 12
    reduced_later_percent: int = 50
    reduced_max_months: int = 24
    days_per_month: Decimal = Decimal("30.4375")  # 365.25 / 12, NAV's month length
    max_pension_rate: Decimal = Decimal("0.30")
    warn_days_before: int = 30


WAGE_SUBSIDY_PARAMETERS = WageSubsidyParameters()

WAGE_SUBSIDY = RuleDefinition(
    id="WAGE-SUBSIDY",
    title=Messages(
        nb="Midlertidig lønnstilskudd",
        nn="Mellombels lønnstilskot",
        en="Temporary wage subsidy",
    ),
    source="tiltaksforskriften § 9-4",
    explanation=Messages(
        nb=(
            "NAV kan dekke 40 prosent av refusjonsgrunnlaget de første seks månedene og "
            "deretter 30 prosent, i inntil ett år. For personer med nedsatt arbeidsevne er "
            "satsen 60 prosent de første tolv månedene og deretter 50 prosent, i inntil to år. "
            "LIM beregner tilskuddet måned for måned og varsler før satsen går ned og før "
            "tilskuddet slutter."
        ),
        nn=(
            "NAV kan dekkje 40 prosent av refusjonsgrunnlaget dei første seks månadene og "
            "deretter 30 prosent, i inntil eitt år. For personar med nedsett arbeidsevne er "
            "satsen 60 prosent dei første tolv månadene og deretter 50 prosent, i inntil to "
            "år. LIM reknar ut tilskotet månad for månad og varslar før satsen går ned og før "
            "tilskotet sluttar."
        ),
        en=(
            "NAV may cover 40 per cent of the reimbursement basis for the first six months and "
            "30 per cent after that, for up to one year. For persons with reduced work "
            "capacity the rate is 60 per cent for the first twelve months and then 50 per "
            "cent, for up to two years. LIM estimates the subsidy month by month and warns "
            "before the rate steps down and before the subsidy ends."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
    parameters=parameters_of(WAGE_SUBSIDY_PARAMETERS),
)


@dataclass(frozen=True)
class WageSubsidyFacts:
    start: date
    end: date
    monthly_salary: Decimal
    holiday_pay_rate: Decimal
    pension_rate: Decimal
    employer_tax_rate: Decimal
    reduced_work_capacity: bool = False

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the subsidy period cannot end before it starts")
        if self.monthly_salary < 0:
            raise ValueError("the monthly salary cannot be negative")
        for rate in (self.holiday_pay_rate, self.employer_tax_rate):
            if not Decimal(0) <= rate <= Decimal(1):
                raise ValueError("a rate is a fraction between 0 and 1")
        if not Decimal(0) <= self.pension_rate <= WAGE_SUBSIDY_PARAMETERS.max_pension_rate:
            raise ValueError("the pension rate is between 0 and 0.30")


@dataclass(frozen=True)
class Rates:
    first_percent: int
    first_months: int
    later_percent: int
    max_months: int


def rates_for(*, reduced_work_capacity: bool, parameters: WageSubsidyParameters) -> Rates:
    if reduced_work_capacity:
        return Rates(
            parameters.reduced_first_percent,
            parameters.reduced_first_months,
            parameters.reduced_later_percent,
            parameters.reduced_max_months,
        )
    return Rates(
        parameters.standard_first_percent,
        parameters.standard_first_months,
        parameters.standard_later_percent,
        parameters.standard_max_months,
    )


def monthly_basis(*, facts: WageSubsidyFacts) -> Decimal:
    """The reimbursement basis for one full month, unrounded."""
    salary = facts.monthly_salary
    holiday_pay = salary * facts.holiday_pay_rate
    pension = facts.pension_rate * (salary + holiday_pay)
    employer_tax = facts.employer_tax_rate * (salary + holiday_pay + pension)
    return salary + holiday_pay + pension + employer_tax


@dataclass(frozen=True)
class SubsidyMonth:
    month: str  # YYYY-MM
    start: date
    end: date
    percent: int
    days: int
    amount: int

    def to_dict(self) -> dict[str, JSON]:
        return {
            "month": self.month,
            "percent": self.percent,
            "days": self.days,
            "amount": self.amount,
        }


@dataclass(frozen=True)
class WageSubsidyResult:
    months: tuple[SubsidyMonth, ...]
    monthly_basis: Decimal
    step_down: date | None  # first day at the lower rate, if within the paid period
    max_end: date

    @property
    def total(self) -> int:
        return sum(m.amount for m in self.months)

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "months": [m.to_dict() for m in self.months],
            "total": self.total,
            "monthly_basis": float(round_half_up(self.monthly_basis, 2)),
            "step_down": None if self.step_down is None else self.step_down.isoformat(),
            "max_end": self.max_end.isoformat(),
        }


def _segments(start: date, end: date, cuts: tuple[date, ...]) -> list[tuple[date, date]]:
    """start..end split at month boundaries and before each cut date."""
    segments = []
    day = start
    while day <= end:
        last = min(end, date(day.year, day.month, days_in_month(day.year, day.month)))
        for cut in cuts:
            if day < cut <= last:
                last = cut - timedelta(days=1)
        segments.append((day, last))
        day = last + timedelta(days=1)
    return segments


def _warn(
    event: date, today: date, parameters: WageSubsidyParameters, text: Messages
) -> Finding | None:
    days = (event - today).days
    if not 0 <= days <= parameters.warn_days_before:
        return None
    when = spoken(event)
    return WAGE_SUBSIDY.finding(
        Level.WARN,
        Messages(
            nb=f"{text.nb} {when.nb} (om {days} dager).",
            nn=f"{text.nn} {when.nn} (om {days} dagar).",
            en=f"{text.en} {when.en} (in {days} days).",
        ),
    )


def estimate_wage_subsidy(
    *,
    facts: WageSubsidyFacts,
    today: date,
    parameters: WageSubsidyParameters = WAGE_SUBSIDY_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[WageSubsidyResult]:
    """WAGE-SUBSIDY: the subsidy per month and in total, with warnings before each
    step-down and before the end, and a block when the period is longer than allowed."""
    rates = rates_for(reduced_work_capacity=facts.reduced_work_capacity, parameters=parameters)
    basis = monthly_basis(facts=facts)
    step_down = add_months(facts.start, rates.first_months)
    max_end = end_of_period(facts.start, months=rates.max_months)
    unpaid_from = max_end + timedelta(days=1)

    rows = []
    for start, end in _segments(facts.start, facts.end, (step_down, unpaid_from)):
        if start < step_down:
            percent = rates.first_percent
        elif start <= max_end:
            percent = rates.later_percent
        else:
            percent = 0
        full = round_half_up(basis * percent / 100)
        days = inclusive_days(start, end)
        if days == days_in_month(start.year, start.month):
            amount = full
        else:
            amount = round_half_up(days * full / parameters.days_per_month)
        rows.append(SubsidyMonth(f"{start:%Y-%m}", start, end, percent, days, int(amount)))

    paid_end = min(facts.end, max_end)
    findings: list[Finding | None] = []
    if facts.end > max_end:
        last, first_unpaid, planned = spoken(max_end), spoken(unpaid_from), spoken(facts.end)
        n = rates.max_months
        findings.append(
            WAGE_SUBSIDY.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Midlertidig lønnstilskudd kan gis i høyst {n} måneder, til og med "
                    f"{last.nb}. Perioden {first_unpaid.nb}–{planned.nb} dekkes ikke.",
                    nn=f"Mellombels lønnstilskot kan givast i høgst {n} månader, til og med "
                    f"{last.nn}. Perioden {first_unpaid.nn}–{planned.nn} blir ikkje dekt.",
                    en=f"Temporary wage subsidy can be given for at most {n} months, until "
                    f"{last.en}. The period {first_unpaid.en}–{planned.en} is not covered.",
                ),
            )
        )
    if step_down <= paid_end:
        first, later = rates.first_percent, rates.later_percent
        findings.append(
            _warn(
                step_down,
                today,
                parameters,
                Messages(
                    nb=f"Lønnstilskuddet går ned fra {first} % til {later} % fra",
                    nn=f"Lønnstilskotet går ned frå {first} % til {later} % frå",
                    en=f"The wage subsidy steps down from {first}% to {later}% from",
                ),
            )
        )
    findings.append(
        _warn(
            paid_end,
            today,
            parameters,
            Messages(
                nb="Lønnstilskuddet slutter etter",
                nn="Lønnstilskotet sluttar etter",
                en="The wage subsidy ends after",
            ),
        )
    )
    result = WageSubsidyResult(
        months=tuple(rows),
        monthly_basis=basis,
        step_down=step_down if step_down <= paid_end else None,
        max_end=max_end,
    )
    present = (f for f in findings if f is not None)
    return Outcome(result, adjust_for_organisation(findings=present, organisation=organisation))
