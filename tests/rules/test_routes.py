"""Hiring routes (ROUTE, ROUTE-ANNOUNCE, ROUTE-TEMP-BASIS)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from lim.rules.base import Level, OrganisationSettings, Sector
from lim.rules.employment import Employment, Route, TemporaryBasis
from lim.rules.routes import RouteFacts, check_route
from lim.rules.target_groups import Declaration

d = date.fromisoformat
PERM, TEMP = Employment.PERMANENT, Employment.TEMPORARY
A, C, E = TemporaryBasis.A, TemporaryBasis.C, TemporaryBasis.E
START = "2026-01-01"


def facts(
    route: Route,
    employment: Employment = TEMP,
    end: str | None = None,
    basis: TemporaryBasis | None = A,
    **extra: Any,
) -> RouteFacts:
    plain = RouteFacts(
        route=route,
        employment=employment,
        start=d(START),
        end=None if end is None else d(end),
        temporary_basis=basis if employment is TEMP else None,
    )
    return replace(plain, **extra)


WAGE: dict[str, Any] = {"target_group": frozenset({Declaration.CV_GAP}), "has_wage_subsidy": True}


@pytest.mark.parametrize(
    ("route_facts", "twelve", "allowed", "max_end", "blocks"),
    [
        pytest.param(facts(Route.ORDINARY, PERM), False, True, None, [], id="ordinary-permanent"),
        pytest.param(
            facts(Route.ORDINARY, end="2026-12-31", basis=None),
            False,
            False,
            None,
            ["ROUTE-TEMP-BASIS"],
            id="temporary-without-basis",
        ),
        pytest.param(
            facts(Route.ORDINARY, end="2026-06-30", basis=E),
            False,
            True,
            "2026-06-30",
            [],
            id="basis-e-six-months",
        ),
        pytest.param(
            facts(Route.ORDINARY, end="2026-07-01", basis=E),
            False,
            False,
            "2026-06-30",
            ["ROUTE-TEMP-BASIS"],
            id="basis-e-longer-than-six-months",
        ),
        pytest.param(
            facts(Route.ORDINARY, basis=E),
            False,
            False,
            "2026-06-30",
            ["ROUTE-TEMP-BASIS"],
            id="basis-e-without-end",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-06-30"),
            False,
            True,
            "2026-06-30",
            [],
            id="administrative-6-months",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-06-30"),
            True,
            True,
            "2026-12-31",
            [],
            id="administrative-6-months-with-clause",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-09-30"),
            False,
            False,
            "2026-06-30",
            ["ROUTE-ANNOUNCE"],
            id="administrative-9-months-without-clause",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-12-31"),
            False,
            False,
            "2026-06-30",
            ["ROUTE-ANNOUNCE"],
            id="administrative-12-months-without-clause",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-12-31"),
            True,
            True,
            "2026-12-31",
            [],
            id="administrative-12-months-with-clause",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2027-01-01"),
            True,
            False,
            "2026-12-31",
            ["ROUTE-ANNOUNCE"],
            id="administrative-over-12-months-with-clause",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, end="2026-03-31", basis=None),
            False,
            False,
            "2026-06-30",
            ["ROUTE-TEMP-BASIS"],
            id="administrative-needs-a-temporary-basis",
        ),
        pytest.param(
            facts(Route.ADMINISTRATIVE, PERM),
            False,
            False,
            "2026-06-30",
            ["ROUTE-ANNOUNCE", "ROUTE-ANNOUNCE"],
            id="administrative-permanent",
        ),
        pytest.param(
            facts(Route.WAGE_SUBSIDY, end="2027-12-31", **WAGE),
            False,
            True,
            "2027-12-31",
            [],
            id="wage-subsidy-two-years",
        ),
        pytest.param(
            facts(Route.WAGE_SUBSIDY, end="2028-01-01", **WAGE),
            False,
            False,
            "2027-12-31",
            ["ROUTE-ANNOUNCE"],
            id="wage-subsidy-longer-than-two-years",
        ),
        pytest.param(
            facts(Route.WAGE_SUBSIDY, end="2026-12-31", has_wage_subsidy=True),
            False,
            False,
            "2027-12-31",
            ["ROUTE-ANNOUNCE"],
            id="wage-subsidy-without-target-group",
        ),
        pytest.param(
            facts(
                Route.WAGE_SUBSIDY,
                end="2026-12-31",
                target_group=frozenset({Declaration.IMMIGRANT_BACKGROUND}),
            ),
            False,
            False,
            "2027-12-31",
            ["ROUTE-ANNOUNCE", "ROUTE-ANNOUNCE"],
            id="wage-subsidy-without-target-group-or-subsidy",
        ),
        pytest.param(
            facts(Route.AFTER_TRAINEE, PERM, completed_trainee_here=True),
            False,
            True,
            None,
            [],
            id="after-trainee",
        ),
        pytest.param(
            facts(Route.AFTER_TRAINEE, PERM),
            False,
            False,
            None,
            ["ROUTE-ANNOUNCE"],
            id="after-trainee-elsewhere",
        ),
        pytest.param(
            facts(Route.TRAINEE, end="2027-12-31", basis=C),
            False,
            True,
            "2027-12-31",
            [],
            id="trainee-two-years",
        ),
        pytest.param(
            facts(Route.TRAINEE, end="2028-01-01", basis=C),
            False,
            False,
            "2027-12-31",
            ["ROUTE-TEMP-BASIS"],
            id="trainee-over-two-years",
        ),
        pytest.param(
            facts(Route.TRAINEE, end="2028-12-31", basis=C, trainee_extended=True),
            False,
            True,
            "2028-12-31",
            [],
            id="trainee-extended-by-one-year",
        ),
        pytest.param(
            facts(Route.TRAINEE, end="2026-12-31", basis=A),
            False,
            False,
            "2027-12-31",
            ["ROUTE-TEMP-BASIS"],
            id="trainee-with-wrong-basis",
        ),
        pytest.param(
            facts(Route.TRAINEE, PERM),
            False,
            False,
            "2027-12-31",
            ["ROUTE-TEMP-BASIS", "ROUTE-TEMP-BASIS"],
            id="trainee-permanent",
        ),
    ],
)
def test_route(
    route_facts: RouteFacts, twelve: bool, allowed: bool, max_end: str | None, blocks: list[str]
) -> None:
    organisation = OrganisationSettings(staff_regulations_allow_12_months=twelve)
    outcome = check_route(facts=route_facts, organisation=organisation)
    result = outcome.result.to_dict()
    assert result["allowed"] is allowed
    assert result["max_end"] == max_end
    assert [f.rule for f in outcome.findings if f.level is Level.BLOCK] == blocks


@pytest.mark.parametrize(
    ("route", "employment", "announce", "qualification"),
    [
        pytest.param(Route.ORDINARY, PERM, True, True, id="ordinary"),
        pytest.param(Route.ADMINISTRATIVE, TEMP, False, False, id="administrative"),
        pytest.param(Route.WAGE_SUBSIDY, TEMP, False, True, id="wage-subsidy"),
        pytest.param(Route.AFTER_TRAINEE, PERM, False, True, id="after-trainee"),
        pytest.param(Route.TRAINEE, TEMP, True, True, id="trainee"),
    ],
)
def test_what_each_route_is_exempt_from(
    route: Route, employment: Employment, announce: bool, qualification: bool
) -> None:
    result = check_route(facts=facts(route, employment, end=None)).result
    assert result.announcement_required is announce
    assert result.qualification_principle_applies is qualification
    assert result.recommendation_required is qualification


def test_administrative_block_explains_the_limit_and_the_clause() -> None:
    outcome = check_route(facts=facts(Route.ADMINISTRATIVE, end="2026-09-30"))
    messages = [f.message.nb for f in outcome.findings]
    assert messages[0] == (
        "Administrativ ansettelse kan vare i høyst 6 måneder, til og med 30. juni 2026, men er "
        "planlagt til 30. september 2026."
    )
    assert "personalreglementet" in messages[1]
    assert messages[2].startswith("Skal personen fortsette etter 30. juni 2026")


def test_wage_subsidy_route_reminds_of_internal_notice() -> None:
    outcome = check_route(facts=facts(Route.WAGE_SUBSIDY, end="2027-06-30", **WAGE))
    assert outcome.levels() == (Level.INFO,)
    assert "arbeidsmiljøloven § 14-1" in outcome.findings[0].message.nb


def test_missing_end_date_names_the_latest_allowed_date() -> None:
    outcome = check_route(facts=facts(Route.ADMINISTRATIVE))
    assert outcome.findings[0].message.en == (
        "Administrative hire may last at most 6 months and needs an end date (at the latest "
        "30 June 2026)."
    )


@pytest.mark.parametrize("sector", [Sector.HEALTH_TRUST, Sector.MUNICIPAL, Sector.PRIVATE])
def test_sector_turns_route_blocks_into_warnings(sector: Sector) -> None:
    organisation = OrganisationSettings(sector=sector)
    outcome = check_route(
        facts=facts(Route.ADMINISTRATIVE, end="2026-09-30"), organisation=organisation
    )
    assert outcome.result.allowed
    assert outcome.findings[0].level is Level.WARN
    assert "anbefaling" in outcome.findings[0].message.nb


def test_permanent_employment_has_no_end() -> None:
    with pytest.raises(ValueError, match="no end date"):
        RouteFacts(Route.ORDINARY, PERM, d(START), d("2026-12-31"))
    with pytest.raises(ValueError, match="before it starts"):
        RouteFacts(Route.ORDINARY, TEMP, d(START), d("2025-12-31"))
