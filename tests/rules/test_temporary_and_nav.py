"""ROUTE-THREE-YEARS, ROUTE-TEMP-DISCUSSION, ROUTE-FULL-TIME, NAV-CHECKPOINT and
ROUTE-NAV-REPORT."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from lim.rules.base import Level, OrganisationSettings, Sector
from lim.rules.employment import Employment, Route, TemporaryBasis
from lim.rules.nav_checkpoint import NavCheckpoint, check_nav_checkpoint, check_nav_report
from lim.rules.temporary import (
    FullTimeFacts,
    TemporaryPeriod,
    check_full_time,
    check_temporary_discussion,
    check_three_years,
)

d = date.fromisoformat
A, B, C, E = TemporaryBasis.A, TemporaryBasis.B, TemporaryBasis.C, TemporaryBasis.E


def period(start: str, end: str | None, basis: TemporaryBasis = A) -> TemporaryPeriod:
    return TemporaryPeriod(d(start), None if end is None else d(end), basis)


@pytest.mark.parametrize(
    ("periods", "today", "levels", "start", "permanent"),
    [
        pytest.param(
            [period("2023-01-01", None)],
            "2025-06-30",
            (),
            "2023-01-01",
            False,
            id="before-the-warning",
        ),
        pytest.param(
            [period("2023-01-01", None)],
            "2025-07-01",
            (Level.WARN,),
            "2023-01-01",
            False,
            id="six-months-before",
        ),
        pytest.param(
            [period("2023-01-01", None)],
            "2026-01-01",
            (Level.INFO,),
            "2023-01-01",
            True,
            id="exceeded-counts-as-permanent",
        ),
        pytest.param(
            [period("2023-01-01", "2025-12-31")],
            "2025-01-01",
            (),
            "2023-01-01",
            False,
            id="exactly-three-years-is-allowed",
        ),
        pytest.param(
            [period("2023-01-01", "2026-01-01")],
            "2025-01-01",
            (Level.BLOCK,),
            "2023-01-01",
            False,
            id="planned-beyond-three-years",
        ),
        pytest.param(
            [period("2022-01-01", "2022-12-31", B), period("2023-01-01", None, E)],
            "2025-01-15",
            (Level.INFO,),
            "2022-01-01",
            True,
            id="adjacent-periods-are-consecutive",
        ),
        pytest.param(
            [period("2022-01-01", "2022-12-31"), period("2023-01-02", None)],
            "2025-01-15",
            (),
            "2023-01-02",
            False,
            id="a-gap-breaks-the-chain",
        ),
        pytest.param(
            [period("2021-01-01", "2025-01-01", C)],
            "2025-01-01",
            (),
            None,
            False,
            id="practice-work-does-not-count",
        ),
        pytest.param(
            [period("2022-01-01", None), period("2022-06-01", "2022-12-31")],
            "2025-01-15",
            (Level.INFO,),
            "2022-01-01",
            True,
            id="open-period-absorbs-later-ones",
        ),
        pytest.param(
            [period("2023-01-01", "2025-09-30")],
            "2025-10-15",
            (),
            "2023-01-01",
            False,
            id="ended-before-today-no-warning",
        ),
    ],
)
def test_three_years(
    periods: list[TemporaryPeriod],
    today: str,
    levels: tuple[Level, ...],
    start: str | None,
    permanent: bool,
) -> None:
    outcome = check_three_years(periods=tuple(periods), today=d(today))
    assert outcome.levels() == levels
    result = outcome.result.to_dict()
    assert result["consecutive_start"] == start
    assert result["counts_as_permanent"] is permanent


def test_three_years_messages_give_the_date() -> None:
    warn = check_three_years(periods=(period("2023-01-01", None),), today=d("2025-12-02"))
    assert warn.findings[0].message.nb == (
        "Personen når tre års sammenhengende midlertidig ansettelse 1. januar 2026 (om 30 dager) "
        "og regnes da som fast ansatt."
    )
    assert warn.result.to_dict()["counts_as_permanent_from"] == "2026-01-01"
    assert warn.result.to_dict()["warn_from"] == "2025-07-01"
    block = check_three_years(periods=(period("2023-01-01", "2026-06-30"),), today=d("2024-01-01"))
    assert "fast tilsett" in block.findings[0].message.nn


def test_three_years_outside_the_state_is_a_recommendation() -> None:
    outcome = check_three_years(
        periods=(period("2023-01-01", "2026-06-30"),),
        today=d("2024-01-01"),
        organisation=OrganisationSettings(sector=Sector.MUNICIPAL),
    )
    assert outcome.levels() == (Level.WARN,)


def test_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        period("2024-01-02", "2024-01-01")


@pytest.mark.parametrize(
    ("last", "today", "overdue", "next_due"),
    [
        pytest.param(None, "2026-03-01", True, None, id="never-discussed"),
        pytest.param("2025-03-01", "2026-03-01", False, "2026-03-01", id="exactly-a-year"),
        pytest.param("2025-03-01", "2026-03-02", True, "2026-03-01", id="more-than-a-year"),
        pytest.param("2025-09-01", "2026-03-01", False, "2026-09-01", id="recent"),
    ],
)
def test_temporary_discussion(
    last: str | None, today: str, overdue: bool, next_due: str | None
) -> None:
    outcome = check_temporary_discussion(
        last_discussion=None if last is None else d(last), today=d(today)
    )
    result = outcome.result.to_dict()
    assert result["overdue"] is overdue
    assert result["next_due"] == next_due
    assert outcome.levels() == ((Level.WARN,) if overdue else ())


def test_discussion_figures_count_running_temporary_hires_by_basis() -> None:
    employments = (
        period("2025-01-01", None, A),
        period("2025-06-01", "2026-06-30", B),
        period("2024-01-01", "2025-12-31", B),  # ended
        period("2026-04-01", None, E),  # not started
    )
    outcome = check_temporary_discussion(
        last_discussion=d("2024-11-15"), temporary_employments=employments, today=d("2026-03-01")
    )
    result = outcome.result.to_dict()
    assert result["active_by_basis"] == {"a": 1, "b": 1, "c": 0, "d": 0, "e": 0}
    assert result["active_total"] == 2
    assert "15. november 2024, for mer enn 12 måneder siden" in outcome.findings[0].message.nb


@pytest.mark.parametrize(
    ("employment", "fte", "for_inclusion", "why", "levels", "counted"),
    [
        pytest.param(Employment.PERMANENT, 100, None, "", (), False, id="permanent-full-time"),
        pytest.param(
            Employment.PERMANENT, 60, None, "", (Level.WARN,), False, id="part-time-no-reason"
        ),
        pytest.param(
            Employment.PERMANENT,
            60,
            None,
            "Ønsket av søker",
            (Level.WARN,),
            False,
            id="part-time-inclusion-not-recorded",
        ),
        pytest.param(
            Employment.TEMPORARY,
            100,
            True,
            "Lønnstilskudd",
            (Level.INFO,),
            True,
            id="temporary-for-inclusion",
        ),
        pytest.param(
            Employment.TEMPORARY, 100, True, "", (Level.WARN,), False, id="inclusion-without-reason"
        ),
        pytest.param(
            Employment.PERMANENT, 80, False, "Budsjett", (), False, id="recorded-not-inclusion"
        ),
    ],
)
def test_full_time_norm(
    employment: Employment,
    fte: int,
    for_inclusion: bool | None,
    why: str,
    levels: tuple[Level, ...],
    counted: bool,
) -> None:
    outcome = check_full_time(facts=FullTimeFacts(employment, fte, for_inclusion, why))
    assert outcome.levels() == levels
    assert outcome.result.to_dict()["counted_as_inclusion"] is counted


def test_full_time_message_names_the_deviation() -> None:
    outcome = check_full_time(facts=FullTimeFacts(Employment.TEMPORARY, 60))
    assert outcome.findings[0].message.nb.startswith("Stillingen er deltid (60 %) og midlertidig")
    assert outcome.findings[0].message.en.startswith(
        "The position is part-time (60%) and temporary"
    )
    assert outcome.result.to_dict()["deviation"] is True


def test_full_time_is_policy_and_can_be_switched_off() -> None:
    organisation = OrganisationSettings(disabled_policy_rules=frozenset({"ROUTE-FULL-TIME"}))
    outcome = check_full_time(
        facts=FullTimeFacts(Employment.TEMPORARY, 60), organisation=organisation
    )
    assert outcome.findings == ()


def test_fte_must_be_a_percentage() -> None:
    with pytest.raises(ValueError):
        FullTimeFacts(Employment.PERMANENT, 0)


def checkpoint(**changes: Any) -> NavCheckpoint:
    recorded = NavCheckpoint(
        can_target_group_fill=True, ask_nav=True, reason="NAV har kandidater", route=Route.ORDINARY
    )
    return replace(recorded, **changes)


@pytest.mark.parametrize(
    ("recorded", "required", "levels", "can_publish"),
    [
        pytest.param(None, True, (Level.BLOCK,), False, id="missing-and-required"),
        pytest.param(None, False, (Level.INFO,), True, id="missing-not-required"),
        pytest.param(checkpoint(), True, (), True, id="recorded"),
        pytest.param(checkpoint(reason=" "), True, (Level.BLOCK,), False, id="no-reason"),
        pytest.param(
            checkpoint(ask_nav=False, reason="Ikke aktuelt"),
            True,
            (Level.INFO,),
            True,
            id="could-fill-but-nav-not-asked",
        ),
        pytest.param(
            checkpoint(can_target_group_fill=False, ask_nav=False, reason="Krever sertifikat"),
            True,
            (),
            True,
            id="cannot-fill-and-not-asked",
        ),
    ],
)
def test_nav_checkpoint(
    recorded: NavCheckpoint | None, required: bool, levels: tuple[Level, ...], can_publish: bool
) -> None:
    organisation = OrganisationSettings(require_nav_checkpoint=required)
    outcome = check_nav_checkpoint(checkpoint=recorded, organisation=organisation)
    assert outcome.levels() == levels
    assert outcome.result.to_dict() == {
        "recorded": recorded is not None,
        "can_publish": can_publish,
    }


def test_nav_checkpoint_reason_message_follows_the_choice() -> None:
    asked = check_nav_checkpoint(checkpoint=checkpoint(reason=""))
    not_asked = check_nav_checkpoint(checkpoint=checkpoint(ask_nav=False, reason=""))
    assert asked.findings[0].message.en.endswith("why NAV is asked for candidates.")
    assert not_asked.findings[0].message.en.endswith("why NAV is not asked for candidates.")
    assert "ikke spørres" in not_asked.findings[0].message.nb


def test_nav_checkpoint_can_be_switched_off() -> None:
    organisation = OrganisationSettings(disabled_policy_rules=frozenset({"NAV-CHECKPOINT"}))
    outcome = check_nav_checkpoint(checkpoint=None, organisation=organisation)
    assert outcome.findings == ()
    assert outcome.result.can_publish


@pytest.mark.parametrize(
    ("announce", "reported", "levels"),
    [
        pytest.param(True, False, (Level.WARN,), id="announced-not-reported"),
        pytest.param(True, True, (), id="reported"),
        pytest.param(False, False, (), id="not-announced"),
    ],
)
def test_nav_report(announce: bool, reported: bool, levels: tuple[Level, ...]) -> None:
    outcome = check_nav_report(announcement_required=announce, reported_to_nav=reported)
    assert outcome.levels() == levels
    assert outcome.result.to_dict() == {"report_required": announce, "reported": reported}
