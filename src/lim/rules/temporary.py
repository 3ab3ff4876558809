"""Temporary and part-time employment over time: the three-year limit, the yearly
discussion with the union representatives (statsansatteloven § 9) and the full-time norm
(our policy).

Consecutive means without a single day's gap: a period starting the day after the
previous one ends continues it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

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
    iso,
    parameters_of,
)
from lim.rules.dates import add_months, add_years, spoken
from lim.rules.employment import Employment, TemporaryBasis


@dataclass(frozen=True)
class ThreeYearsParameters:
    years: int = 3
    warn_months_before: int = 6
    counted_bases: tuple[str, ...] = ("a", "b", "e")


@dataclass(frozen=True)
class DiscussionParameters:
    interval_months: int = 12


@dataclass(frozen=True)
class FullTimeParameters:
    full_time_percent: int = 100


THREE_YEARS_PARAMETERS = ThreeYearsParameters()
DISCUSSION_PARAMETERS = DiscussionParameters()
FULL_TIME_PARAMETERS = FullTimeParameters()

ROUTE_THREE_YEARS = RuleDefinition(
    id="ROUTE-THREE-YEARS",
    title=Messages(
        nb="Tre år midlertidig gir fast ansettelse",
        nn="Tre år mellombels gjev fast tilsetjing",
        en="Three years temporary means permanent",
    ),
    source="statsansatteloven § 9",
    explanation=Messages(
        nb=(
            "Den som har vært sammenhengende midlertidig ansatt etter § 9 bokstav a, b eller e "
            "i mer enn tre år, regnes som fast ansatt. LIM varsler seks måneder før "
            "tre-årsgrensen nås, og stopper en midlertidig avtale som går forbi grensen."
        ),
        nn=(
            "Den som har vore samanhengande mellombels tilsett etter § 9 bokstav a, b eller e "
            "i meir enn tre år, blir rekna som fast tilsett. LIM varslar seks månader før "
            "treårsgrensa blir nådd, og stoppar ein mellombels avtale som går forbi grensa."
        ),
        en=(
            "Someone who has been temporarily employed under § 9 letter a, b or e for more "
            "than three consecutive years counts as permanently employed. LIM warns six months "
            "before the limit and stops a temporary contract that goes beyond it."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(THREE_YEARS_PARAMETERS),
)

ROUTE_TEMP_DISCUSSION = RuleDefinition(
    id="ROUTE-TEMP-DISCUSSION",
    title=Messages(
        nb="Drøfting av midlertidige ansettelser",
        nn="Drøfting av mellombelse tilsetjingar",
        en="Discussion of temporary hires",
    ),
    source="statsansatteloven § 9",
    explanation=Messages(
        nb=(
            "Bruken av midlertidige ansettelser skal drøftes med de tillitsvalgte minst én gang "
            "i året. LIM varsler når det er mer enn tolv måneder siden forrige drøfting, og "
            "lager tallene til møtet."
        ),
        nn=(
            "Bruken av mellombelse tilsetjingar skal drøftast med dei tillitsvalde minst éin "
            "gong i året. LIM varslar når det er meir enn tolv månader sidan førre drøfting, "
            "og lagar tala til møtet."
        ),
        en=(
            "The use of temporary hires must be discussed with the union representatives at "
            "least once a year. LIM warns when the last discussion is more than twelve months "
            "ago and produces the figures for the meeting."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(DISCUSSION_PARAMETERS),
)

ROUTE_FULL_TIME = RuleDefinition(
    id="ROUTE-FULL-TIME",
    title=Messages(nb="Heltidsnormen", nn="Heiltidsnorma", en="The full-time norm"),
    source="LIM-praksis (heltidsnormen; rapport fra Oslo Economics)",
    explanation=Messages(
        nb=(
            "Fast heltid er hovedregelen. Velges deltid eller midlertidig ansettelse, må "
            "begrunnelsen registreres, og det må komme fram om valget er gjort for å inkludere "
            "en person fra målgruppene, slik at tallene kan skille dette ut. Dette er vår "
            "praksis, og virksomheten kan slå den av."
        ),
        nn=(
            "Fast heiltid er hovudregelen. Vel ein deltid eller mellombels tilsetjing, må "
            "grunngivinga registrerast, og det må kome fram om valet er gjort for å inkludere "
            "ein person frå målgruppene, slik at tala kan skilje dette ut. Dette er vår "
            "praksis, og verksemda kan slå han av."
        ),
        en=(
            "Permanent full-time is the main rule. When part-time or temporary employment is "
            "chosen, the reason must be recorded, including whether it was chosen to include "
            "a person from the target groups, so that the figures can separate it. This is "
            "our practice, and an organisation can switch it off."
        ),
    ),
    kind=RuleKind.POLICY,
    state_only=False,
    parameters=parameters_of(FULL_TIME_PARAMETERS),
)


@dataclass(frozen=True)
class TemporaryPeriod:
    start: date
    end: date | None  # None: no end date agreed yet
    basis: TemporaryBasis

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a period cannot end before it starts")


@dataclass(frozen=True)
class ThreeYearsResult:
    consecutive_start: date | None
    consecutive_end: date | None
    counts_as_permanent_from: date | None
    warn_from: date | None
    counts_as_permanent: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "consecutive_start": iso(self.consecutive_start),
            "consecutive_end": iso(self.consecutive_end),
            "counts_as_permanent_from": iso(self.counts_as_permanent_from),
            "warn_from": iso(self.warn_from),
            "counts_as_permanent": self.counts_as_permanent,
        }


def _latest_chain(periods: list[TemporaryPeriod]) -> tuple[date, date | None] | None:
    """Start and end (None: open) of the latest run of periods without gaps."""
    chain: tuple[date, date | None] | None = None
    for period in sorted(periods, key=lambda p: p.start):
        if chain is not None and (chain[1] is None or period.start <= chain[1] + timedelta(1)):
            end = None if chain[1] is None or period.end is None else max(chain[1], period.end)
            chain = (chain[0], end)
        else:
            chain = (period.start, period.end)
    return chain


def check_three_years(
    *,
    periods: tuple[TemporaryPeriod, ...],
    today: date,
    parameters: ThreeYearsParameters = THREE_YEARS_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[ThreeYearsResult]:
    """ROUTE-THREE-YEARS: the person's temporary periods in the organisation."""
    counted = [p for p in periods if p.basis.value in parameters.counted_bases]
    chain = _latest_chain(counted)
    if chain is None:
        return Outcome(ThreeYearsResult(None, None, None, None, False), ())
    start, end = chain
    # More than three years: from the day after three full years, e.g. 2023-01-01 → 2026-01-01.
    limit = add_years(start, parameters.years)
    warn_from = add_months(limit, -parameters.warn_months_before)
    reaches = end is None or end >= limit
    already = reaches and today >= limit
    since, at = spoken(start), spoken(limit)
    findings = []
    if already:
        findings.append(
            ROUTE_THREE_YEARS.finding(
                Level.INFO,
                Messages(
                    nb=f"Personen har vært sammenhengende midlertidig ansatt siden {since.nb} "
                    f"og regnes som fast ansatt fra {at.nb}.",
                    nn=f"Personen har vore samanhengande mellombels tilsett sidan {since.nn} "
                    f"og blir rekna som fast tilsett frå {at.nn}.",
                    en=f"The person has been temporarily employed without a break since "
                    f"{since.en} and counts as permanently employed from {at.en}.",
                ),
            )
        )
    elif reaches and end is not None:
        findings.append(
            ROUTE_THREE_YEARS.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Den midlertidige ansettelsen går forbi tre år {at.nb}; personen vil "
                    "da regnes som fast ansatt. Avslutt senest dagen før, eller ansett fast.",
                    nn=f"Den mellombelse tilsetjinga går forbi tre år {at.nn}; personen vil då "
                    "bli rekna som fast tilsett. Avslutt seinast dagen før, eller tilset fast.",
                    en=f"The temporary employment passes three years on {at.en}; the person "
                    "would then count as permanently employed. End it the day before at the "
                    "latest, or hire permanently.",
                ),
            )
        )
    elif today >= warn_from and (end is None or end >= today):
        days = (limit - today).days
        findings.append(
            ROUTE_THREE_YEARS.finding(
                Level.WARN,
                Messages(
                    nb=f"Personen når tre års sammenhengende midlertidig ansettelse {at.nb} "
                    f"(om {days} dager) og regnes da som fast ansatt.",
                    nn=f"Personen når tre års samanhengande mellombels tilsetjing {at.nn} "
                    f"(om {days} dagar) og blir då rekna som fast tilsett.",
                    en=f"The person reaches three consecutive years of temporary employment "
                    f"on {at.en} (in {days} days) and will then count as permanently employed.",
                ),
            )
        )
    result = ThreeYearsResult(start, end, limit, warn_from, already)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))


@dataclass(frozen=True)
class DiscussionResult:
    last_discussion: date | None
    next_due: date | None
    overdue: bool
    active_by_basis: dict[str, int]

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        by_basis: dict[str, JSON] = dict(self.active_by_basis)
        return {
            "last_discussion": iso(self.last_discussion),
            "next_due": iso(self.next_due),
            "overdue": self.overdue,
            "active_by_basis": by_basis,
            "active_total": sum(self.active_by_basis.values()),
        }


def check_temporary_discussion(
    *,
    last_discussion: date | None,
    temporary_employments: tuple[TemporaryPeriod, ...] = (),
    today: date,
    parameters: DiscussionParameters = DISCUSSION_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[DiscussionResult]:
    """ROUTE-TEMP-DISCUSSION: discussed within the last 12 months? The figures for the
    meeting are the temporary employments running today, by basis."""
    active = Counter(
        p.basis.value
        for p in temporary_employments
        if p.start <= today and (p.end is None or p.end >= today)
    )
    by_basis = {basis.value: active.get(basis.value, 0) for basis in TemporaryBasis}
    next_due = (
        None if last_discussion is None else add_months(last_discussion, parameters.interval_months)
    )
    overdue = next_due is None or today > next_due
    findings = []
    if last_discussion is None:
        message = Messages(
            nb="Bruken av midlertidige ansettelser er ikke registrert drøftet med de "
            "tillitsvalgte. Den skal drøftes minst én gang i året.",
            nn="Bruken av mellombelse tilsetjingar er ikkje registrert drøfta med dei "
            "tillitsvalde. Han skal drøftast minst éin gong i året.",
            en="No discussion of temporary hires with the union representatives is recorded. "
            "It must take place at least once a year.",
        )
        findings.append(ROUTE_TEMP_DISCUSSION.finding(Level.WARN, message))
    elif next_due is not None and overdue:
        last = spoken(last_discussion)
        findings.append(
            ROUTE_TEMP_DISCUSSION.finding(
                Level.WARN,
                Messages(
                    nb=f"Bruken av midlertidige ansettelser ble sist drøftet med de "
                    f"tillitsvalgte {last.nb}, for mer enn {parameters.interval_months} "
                    "måneder siden.",
                    nn=f"Bruken av mellombelse tilsetjingar vart sist drøfta med dei "
                    f"tillitsvalde {last.nn}, for meir enn {parameters.interval_months} "
                    "månader sidan.",
                    en=f"The use of temporary hires was last discussed with the union "
                    f"representatives on {last.en}, more than {parameters.interval_months} "
                    "months ago.",
                ),
            )
        )
    result = DiscussionResult(last_discussion, next_due, overdue, by_basis)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))


@dataclass(frozen=True)
class FullTimeFacts:
    employment: Employment
    fte_percent: int
    chosen_for_inclusion: bool | None = None  # None: not recorded yet
    justification: str = ""

    def __post_init__(self) -> None:
        if not 0 < self.fte_percent <= 100:
            raise ValueError("fte_percent must be between 1 and 100")


@dataclass(frozen=True)
class FullTimeResult:
    part_time: bool
    temporary: bool
    counted_as_inclusion: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "deviation": self.part_time or self.temporary,
            "part_time": self.part_time,
            "temporary": self.temporary,
            "counted_as_inclusion": self.counted_as_inclusion,
        }


def check_full_time(
    *,
    facts: FullTimeFacts,
    parameters: FullTimeParameters = FULL_TIME_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[FullTimeResult]:
    """ROUTE-FULL-TIME (policy): a deviation from permanent full-time is recorded with its
    reason, and whether it was chosen for inclusion."""
    part_time = facts.fte_percent < parameters.full_time_percent
    temporary = facts.employment is Employment.TEMPORARY
    justified = bool(facts.justification.strip())
    inclusion = bool(facts.chosen_for_inclusion) and justified
    findings = []
    if part_time or temporary:
        what = Messages(
            nb=" og ".join(
                [f"deltid ({facts.fte_percent} %)"] * part_time + ["midlertidig"] * temporary
            ),
            nn=" og ".join(
                [f"deltid ({facts.fte_percent} %)"] * part_time + ["mellombels"] * temporary
            ),
            en=" and ".join(
                [f"part-time ({facts.fte_percent}%)"] * part_time + ["temporary"] * temporary
            ),
        )
        if not justified or facts.chosen_for_inclusion is None:
            message = Messages(
                nb=f"Stillingen er {what.nb}, men fast heltid er hovedregelen. Registrer "
                "begrunnelsen og om valget er gjort for å inkludere en person fra målgruppene.",
                nn=f"Stillinga er {what.nn}, men fast heiltid er hovudregelen. Registrer "
                "grunngivinga og om valet er gjort for å inkludere ein person frå målgruppene.",
                en=f"The position is {what.en}, but permanent full-time is the main rule. "
                "Record the reason and whether it was chosen to include a person from the "
                "target groups.",
            )
            findings.append(ROUTE_FULL_TIME.finding(Level.WARN, message))
        elif inclusion:
            message = Messages(
                nb=f"Stillingen er {what.nb} for å inkludere en person fra målgruppene, og "
                "telles for seg i tallene.",
                nn=f"Stillinga er {what.nn} for å inkludere ein person frå målgruppene, og "
                "blir talt for seg i tala.",
                en=f"The position is {what.en} to include a person from the target groups and "
                "is counted separately in the figures.",
            )
            findings.append(ROUTE_FULL_TIME.finding(Level.INFO, message))
    result = FullTimeResult(part_time, temporary, inclusion and (part_time or temporary))
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
