"""WAGE-SUBSIDY: the temporary wage subsidy estimate (tiltaksforskriften § 9-4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lim.rules.base import Level, round_half_up
from lim.rules.wage_subsidy import (
    WageSubsidyFacts,
    estimate_wage_subsidy,
    monthly_basis,
)

d = date.fromisoformat
FAR_AWAY = d("2020-01-01")  # a "today" long before any step-down: no warnings


def subsidy(
    start: str,
    end: str,
    *,
    reduced: bool = False,
    salary: str = "50000",
    holiday: str = "0.12",
    pension: str = "0.02",
    tax: str = "0.141",
) -> WageSubsidyFacts:
    return WageSubsidyFacts(
        start=d(start),
        end=d(end),
        monthly_salary=Decimal(salary),
        holiday_pay_rate=Decimal(holiday),
        pension_rate=Decimal(pension),
        employer_tax_rate=Decimal(tax),
        reduced_work_capacity=reduced,
    )


def test_basis_follows_the_formula() -> None:
    # 50 000 + 12 % holiday pay + 2 % pension on 56 000 + 14.1 % tax on 57 120.
    assert monthly_basis(facts=subsidy("2026-01-01", "2026-12-31")) == Decimal("65173.92")


def test_reduced_work_capacity_two_years_as_in_the_contract() -> None:
    outcome = estimate_wage_subsidy(
        facts=subsidy("2026-01-01", "2027-12-31", reduced=True), today=FAR_AWAY
    )
    months = outcome.result.to_dict()["months"]
    assert isinstance(months, list) and len(months) == 24
    assert months[0] == {"month": "2026-01", "percent": 60, "days": 31, "amount": 39104}
    assert months[11] == {"month": "2026-12", "percent": 60, "days": 31, "amount": 39104}
    assert months[12] == {"month": "2027-01", "percent": 50, "days": 31, "amount": 32587}
    february = outcome.result.months[1]
    assert (february.days, february.amount) == (28, 39104)  # a full February pays a month
    assert outcome.result.total == 12 * 39104 + 12 * 32587
    assert outcome.findings == ()


def test_standard_rate_steps_down_after_six_months() -> None:
    outcome = estimate_wage_subsidy(facts=subsidy("2026-01-01", "2026-12-31"), today=FAR_AWAY)
    percents = [m.percent for m in outcome.result.months]
    assert percents == [40] * 6 + [30] * 6
    assert outcome.result.step_down == d("2026-07-01")
    assert outcome.result.total == 6 * 26070 + 6 * 19552


def test_step_down_inside_a_month_splits_it_and_partial_months_pay_by_day() -> None:
    outcome = estimate_wage_subsidy(facts=subsidy("2026-01-15", "2026-09-10"), today=FAR_AWAY)
    rows = [(m.month, m.percent, m.days, m.amount) for m in outcome.result.months]
    assert rows[0] == ("2026-01", 40, 17, 14561)  # 17 × 26 070 / 30.4375
    assert rows[1] == ("2026-02", 40, 28, 26070)
    assert ("2026-07", 40, 14, 11991) in rows  # 1–14 July at 40 %
    assert ("2026-07", 30, 17, 10920) in rows  # from 15 July at 30 %
    assert rows[-1] == ("2026-09", 30, 10, 6424)  # 10 × 19 552 / 30.4375 = 6423.65


def test_partial_last_month() -> None:
    outcome = estimate_wage_subsidy(facts=subsidy("2026-01-01", "2026-06-10"), today=FAR_AWAY)
    assert outcome.result.months[-1].to_dict() == {
        "month": "2026-06",
        "percent": 40,
        "days": 10,
        "amount": 8565,
    }
    assert outcome.result.step_down is None  # the period ends before the step-down


def test_months_beyond_the_limit_are_not_paid_and_block() -> None:
    long = estimate_wage_subsidy(facts=subsidy("2026-01-01", "2027-03-31"), today=FAR_AWAY)
    year = estimate_wage_subsidy(facts=subsidy("2026-01-01", "2026-12-31"), today=FAR_AWAY)
    assert long.levels() == (Level.BLOCK,)
    assert [m.percent for m in long.result.months[12:]] == [0, 0, 0]
    assert [m.amount for m in long.result.months[12:]] == [0, 0, 0]
    assert long.result.total == year.result.total
    assert long.result.to_dict()["max_end"] == "2026-12-31"
    assert long.findings[0].message.nb == (
        "Midlertidig lønnstilskudd kan gis i høyst 12 måneder, til og med 31. desember 2026. "
        "Perioden 1. januar 2027–31. mars 2027 dekkes ikke."
    )


def test_reduced_capacity_limit_is_24_months() -> None:
    outcome = estimate_wage_subsidy(
        facts=subsidy("2026-03-15", "2028-03-15", reduced=True), today=FAR_AWAY
    )
    assert outcome.levels() == (Level.BLOCK,)
    last = outcome.result.months[-1]
    assert (last.month, last.percent, last.days, last.amount) == ("2028-03", 0, 1, 0)


def test_rounding_is_half_up_not_bankers() -> None:
    # Basis 101.25 at 40 % is 40.5 kroner: half up gives 41 (round() would give 40).
    facts = subsidy("2026-01-01", "2026-01-31", salary="101.25", holiday="0", pension="0", tax="0")
    outcome = estimate_wage_subsidy(facts=facts, today=FAR_AWAY)
    assert outcome.result.months[0].amount == 41
    assert round_half_up(Decimal("2.5")) == 3
    assert round_half_up(Decimal("12.345"), 2) == Decimal("12.35")


@pytest.mark.parametrize(
    ("today", "warnings"),
    [
        pytest.param("2026-05-31", [], id="31-days-before-step-down"),
        pytest.param(
            "2026-06-01",
            ["fra 40 % til 30 % fra 1. juli 2026 (om 30 dager)"],
            id="30-days-before-step-down",
        ),
        pytest.param(
            "2026-07-01",
            ["fra 40 % til 30 % fra 1. juli 2026 (om 0 dager)"],
            id="on-the-step-down-day",
        ),
        pytest.param("2026-07-02", [], id="after-the-step-down"),
        pytest.param(
            "2026-12-01", ["slutter etter 31. desember 2026 (om 30 dager)"], id="before-the-end"
        ),
        pytest.param("2027-01-01", [], id="after-the-end"),
    ],
)
def test_warnings_before_step_down_and_end(today: str, warnings: list[str]) -> None:
    outcome = estimate_wage_subsidy(facts=subsidy("2026-01-01", "2026-12-31"), today=d(today))
    assert outcome.levels() == (Level.WARN,) * len(warnings)
    for finding, expected in zip(outcome.findings, warnings, strict=True):
        assert expected in finding.message.nb


def test_end_warning_uses_the_last_paid_day_when_too_long() -> None:
    outcome = estimate_wage_subsidy(
        facts=subsidy("2026-01-01", "2027-06-30"), today=d("2026-12-20")
    )
    assert outcome.levels() == (Level.BLOCK, Level.WARN)
    assert "ends after 31 December 2026 (in 11 days)" in outcome.findings[1].message.en


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"end": d("2025-12-31")}, id="ends-before-start"),
        pytest.param({"monthly_salary": Decimal(-1)}, id="negative-salary"),
        pytest.param({"holiday_pay_rate": Decimal("1.2")}, id="holiday-rate-over-1"),
        pytest.param({"pension_rate": Decimal("0.31")}, id="pension-over-30-percent"),
    ],
)
def test_invalid_facts_are_rejected(changes: dict[str, Any]) -> None:
    valid = subsidy("2026-01-01", "2026-12-31")
    with pytest.raises(ValueError):
        replace(valid, **changes)


def months_spanned(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    length=st.integers(min_value=0, max_value=1000),
    salary=st.decimals(min_value=0, max_value=200_000, places=2),
    holiday=st.decimals(min_value=0, max_value=Decimal("0.2"), places=3),
    pension=st.decimals(min_value=0, max_value=Decimal("0.3"), places=3),
    tax=st.decimals(min_value=0, max_value=Decimal("0.2"), places=3),
    reduced=st.booleans(),
)
def test_total_never_exceeds_months_times_the_highest_rate(
    start: date,
    length: int,
    salary: Decimal,
    holiday: Decimal,
    pension: Decimal,
    tax: Decimal,
    reduced: bool,
) -> None:
    facts = WageSubsidyFacts(
        start, start + timedelta(days=length), salary, holiday, pension, tax, reduced
    )
    result = estimate_wage_subsidy(facts=facts, today=FAR_AWAY).result
    highest = Decimal(60 if reduced else 40)
    basis = monthly_basis(facts=facts)
    # A month split by the step-down pays by day, so it may reach 31/30.4375 of a month;
    # each row may round up by half a krone.
    bound = months_spanned(facts.start, facts.end) * basis * highest / 100 * 31 / Decimal("30.4375")
    assert result.total <= bound + len(result.months)
    assert all(m.amount >= 0 for m in result.months)
    assert sum(m.days for m in result.months) == length + 1
