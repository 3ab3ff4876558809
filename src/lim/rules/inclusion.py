"""Inclusion figures: how many hires were target-group hires, per year and unit.

A hire counts when the person declared a target group and consented to its use for
statistics, or was hired through a target-group route. Figures about fewer than
`min_group_size` persons (default 5, never below 3) are shown as "under 5" to everyone
but the inclusion coordinator; 0 is such a figure too, and a share is hidden whenever
one of its counts is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from lim.rules.base import (
    DEFAULT_ORGANISATION,
    JSON,
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
from lim.rules.employment import Employment, Route
from lim.rules.target_groups import TARGET_GROUPS, Declaration


class Channel(StrEnum):
    """How the person came to be hired, shown alongside the counts."""

    NAV = "nav"
    WORK_TRIAL = "work_trial"
    TRAINEE = "trainee"
    APPRENTICE = "apprentice"


@dataclass(frozen=True)
class InclusionParameters:
    min_group_size: int = 5
    goal_percent: int = 5  # inkluderingsdugnaden's former goal
    goal_years: tuple[int, ...] = (2018, 2019, 2020, 2021)
    baseline_years: tuple[int, ...] = (2020, 2021)  # the 2024 requirement's comparison
    positive_development_from: int = 2024
    target_group_routes: tuple[str, ...] = ("wage_subsidy", "trainee", "after_trainee")

    def __post_init__(self) -> None:
        # Smaller groups would let readers recognise individuals.
        if self.min_group_size < 3:
            raise ValueError("min_group_size cannot be below 3")


INCLUSION_PARAMETERS = InclusionParameters()

INCLUSION_COUNT = RuleDefinition(
    id="INCLUSION-COUNT",
    title=Messages(nb="Tall for inkludering", nn="Tal for inkludering", en="Inclusion figures"),
    source="fellesføring i tildelingsbrevene (inkluderingsdugnaden 2018–2021; krav fra 2024)",
    explanation=Messages(
        nb=(
            "En ansettelse telles som ansettelse fra målgruppene når personen har oppgitt "
            "nedsatt funksjonsevne eller hull i CV-en og samtykket til bruk i statistikk, "
            "eller er ansatt gjennom en vei for målgruppene. LIM viser tall per år og enhet: "
            "andel mot det tidligere målet på 5 prosent, og fra 2024 om antallet er høyere "
            "enn snittet for 2020 og 2021. Tall om færre enn fem personer vises som «under 5», "
            "unntatt for inkluderingskoordinatoren."
        ),
        nn=(
            "Ei tilsetjing blir talt som tilsetjing frå målgruppene når personen har oppgitt "
            "nedsett funksjonsevne eller hol i CV-en og samtykt til bruk i statistikk, eller "
            "er tilsett gjennom ein veg for målgruppene. LIM viser tal per år og eining: del "
            "mot det tidlegare målet på 5 prosent, og frå 2024 om talet er høgare enn snittet "
            "for 2020 og 2021. Tal om færre enn fem personar blir viste som «under 5», unnateke "
            "for inkluderingskoordinatoren."
        ),
        en=(
            "A hire counts as a target-group hire when the person declared a disability or a "
            "gap in the CV and consented to its use for statistics, or was hired through a "
            "target-group route. LIM shows figures per year and unit: the share against the "
            "former 5 per cent goal, and from 2024 whether the number is above the average "
            "for 2020 and 2021. Figures about fewer than five persons are shown as "
            "'under 5', except to the inclusion coordinator."
        ),
    ),
    kind=RuleKind.POLICY,
    state_only=True,
    parameters=parameters_of(INCLUSION_PARAMETERS),
)


@dataclass(frozen=True)
class Hire:
    hired_on: date
    unit: str = ""
    declared: frozenset[Declaration] = frozenset()
    statistics_consent: bool = False
    route: Route = Route.ORDINARY
    employment: Employment = Employment.PERMANENT  # both count
    channels: frozenset[Channel] = frozenset()


def counts_as_target_group_hire(
    *, hire: Hire, parameters: InclusionParameters = INCLUSION_PARAMETERS
) -> bool:
    declared = hire.statistics_consent and any(g in hire.declared for g in TARGET_GROUPS)
    return declared or hire.route.value in parameters.target_group_routes


@dataclass(frozen=True)
class Figures:
    year: int
    unit: str | None  # None: the whole organisation
    hires: int
    target_group_hires: int
    channels: dict[Channel, int]
    goal_met: bool | None  # only in the goal years
    positive_development: bool | None  # only the whole organisation, from 2024

    @property
    def share_percent(self) -> Decimal | None:
        if not self.hires:
            return None
        return round_half_up(Decimal(100 * self.target_group_hires) / self.hires, 1)


@dataclass(frozen=True)
class InclusionResult:
    figures: tuple[Figures, ...]
    baseline: Decimal | None
    min_group_size: int
    reveal_small_groups: bool = field(default=False)

    def _hidden(self, lang: Lang) -> str:
        n = self.min_group_size
        return Messages(nb=f"under {n}", nn=f"under {n}", en=f"fewer than {n}").get(lang)

    def _count(self, n: int, lang: Lang) -> JSON:
        if self.reveal_small_groups or n >= self.min_group_size:
            return n
        return self._hidden(lang)

    def _row(self, row: Figures, lang: Lang) -> dict[str, JSON]:
        hires, tg = self._count(row.hires, lang), self._count(row.target_group_hires, lang)
        share = row.share_percent
        hidden = isinstance(hires, str) or isinstance(tg, str)
        return {
            "year": row.year,
            "unit": row.unit,
            "hires": hires,
            "target_group_hires": tg,
            "share_percent": None if share is None or hidden else float(share),
            "goal_met": row.goal_met,
            "positive_development": row.positive_development,
            "channels": {c.value: self._count(row.channels.get(c, 0), lang) for c in Channel},
        }

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        baseline: JSON = None
        if self.baseline is not None:
            small = self.baseline < self.min_group_size and not self.reveal_small_groups
            baseline = self._hidden(lang) if small else float(self.baseline)
        return {"figures": [self._row(row, lang) for row in self.figures], "baseline": baseline}


def _figures(
    year: int,
    unit: str | None,
    hires: list[Hire],
    baseline: Decimal | None,
    parameters: InclusionParameters,
) -> Figures:
    tg = sum(counts_as_target_group_hire(hire=h, parameters=parameters) for h in hires)
    channels = Counter(c for h in hires for c in h.channels)
    goal_met = None
    if year in parameters.goal_years and hires:
        goal_met = tg * 100 >= parameters.goal_percent * len(hires)
    positive = None
    if unit is None and baseline is not None and year >= parameters.positive_development_from:
        positive = tg > baseline
    return Figures(year, unit, len(hires), tg, dict(channels), goal_met, positive)


def inclusion_figures(
    *,
    hires: tuple[Hire, ...],
    viewer_is_coordinator: bool = False,
    baseline_counts: dict[int, int] | None = None,
    parameters: InclusionParameters = INCLUSION_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[InclusionResult]:
    """INCLUSION-COUNT: figures per year for the organisation and per unit.

    `baseline_counts` gives target-group hires for the baseline years when they predate
    LIM; otherwise they are counted from `hires`."""
    years = sorted({h.hired_on.year for h in hires})
    counts = dict(baseline_counts or {})
    for year in parameters.baseline_years:
        if year not in counts and year in years:
            counts[year] = sum(
                counts_as_target_group_hire(hire=h, parameters=parameters)
                for h in hires
                if h.hired_on.year == year
            )
    known = [counts[y] for y in parameters.baseline_years if y in counts]
    baseline = (
        Decimal(sum(known)) / len(known) if len(known) == len(parameters.baseline_years) else None
    )
    rows = []
    units = sorted({h.unit for h in hires if h.unit})
    for year in years:
        in_year = [h for h in hires if h.hired_on.year == year]
        rows.append(_figures(year, None, in_year, baseline, parameters))
        for unit in units:
            in_unit = [h for h in in_year if h.unit == unit]
            if in_unit:
                rows.append(_figures(year, unit, in_unit, baseline, parameters))
    findings = []
    for row in rows:
        if row.positive_development is None:
            continue
        if row.positive_development:
            message = Messages(
                nb=f"{row.year}: flere ansatt fra målgruppene enn snittet for 2020 og 2021 "
                "(positiv utvikling).",
                nn=f"{row.year}: fleire tilsette frå målgruppene enn snittet for 2020 og 2021 "
                "(positiv utvikling).",
                en=f"{row.year}: more target-group hires than the 2020–2021 average (positive "
                "development).",
            )
        else:
            message = Messages(
                nb=f"{row.year}: ikke flere ansatt fra målgruppene enn snittet for 2020 og "
                "2021; kravet om positiv utvikling er ikke nådd.",
                nn=f"{row.year}: ikkje fleire tilsette frå målgruppene enn snittet for 2020 og "
                "2021; kravet om positiv utvikling er ikkje nådd.",
                en=f"{row.year}: no more target-group hires than the 2020–2021 average; the "
                "positive-development requirement is not met.",
            )
        findings.append(INCLUSION_COUNT.finding(Level.INFO, message))
    result = InclusionResult(
        figures=tuple(rows),
        baseline=baseline,
        min_group_size=parameters.min_group_size,
        reveal_small_groups=viewer_is_coordinator,
    )
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
