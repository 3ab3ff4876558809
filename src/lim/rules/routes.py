"""Hiring routes: is the chosen route allowed, must the vacancy be announced, does the
qualification principle apply, and how long may the employment last?

The routes LIM knows are the ordinary process (announced, statsansatteloven § 4) and the
exceptions: administrative hire (§ 7), temporary hire with wage subsidy (forskrift § 3a
letter b), hire after the state trainee programme (§ 3a letter a) and the trainee
position itself (§ 9 first paragraph letter c). Every temporary hire needs a basis in § 9.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    iso,
    parameters_of,
)
from lim.rules.dates import end_of_period, spoken
from lim.rules.employment import Employment, Route, TemporaryBasis
from lim.rules.target_groups import TARGET_GROUPS, Declaration


@dataclass(frozen=True)
class AnnounceParameters:
    administrative_months: int = 6
    administrative_months_with_staff_regulations: int = 12
    wage_subsidy_months: int = 24


@dataclass(frozen=True)
class TemporaryBasisParameters:
    unforeseen_need_months: int = 6
    trainee_months: int = 24
    trainee_extension_months: int = 12


ANNOUNCE_PARAMETERS = AnnounceParameters()
TEMPORARY_BASIS_PARAMETERS = TemporaryBasisParameters()

ROUTE_ANNOUNCE = RuleDefinition(
    id="ROUTE-ANNOUNCE",
    title=Messages(
        nb="Utlysning og unntak", nn="Utlysing og unntak", en="Announcement and exceptions"
    ),
    source="statsansatteloven §§ 4 og 7; statsansatteforskriften § 3a",
    explanation=Messages(
        nb=(
            "En ledig stilling skal lyses ut offentlig, med mindre et unntak gjelder. "
            "Administrativ ansettelse kan vare i inntil seks måneder, eller ett år når "
            "personalreglementet tillater det, og da gjelder verken utlysning, "
            "kvalifikasjonsprinsippet eller innstilling. Midlertidig ansettelse med "
            "lønnstilskudd i inntil to år for en person i målgruppene og ansettelse etter "
            "traineeprogrammet er bare unntatt fra utlysning."
        ),
        nn=(
            "Ei ledig stilling skal lysast ut offentleg, med mindre eit unntak gjeld. "
            "Administrativ tilsetjing kan vare i inntil seks månader, eller eitt år når "
            "personalreglementet tillèt det, og då gjeld verken utlysing, "
            "kvalifikasjonsprinsippet eller innstilling. Mellombels tilsetjing med lønnstilskot "
            "i inntil to år for ein person i målgruppene og tilsetjing etter traineeprogrammet "
            "er berre unnatekne frå utlysing."
        ),
        en=(
            "A vacancy must be announced publicly unless an exception applies. An "
            "administrative hire may last up to six months, or one year when the staff "
            "regulations allow it, and is exempt from announcement, the qualification "
            "principle and the recommendation. A temporary hire with wage subsidy of up to two "
            "years for a person in a target group, and a hire after the trainee programme, are "
            "exempt from announcement only."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(ANNOUNCE_PARAMETERS),
)

ROUTE_TEMP_BASIS = RuleDefinition(
    id="ROUTE-TEMP-BASIS",
    title=Messages(
        nb="Grunnlag for midlertidig ansettelse",
        nn="Grunnlag for mellombels tilsetjing",
        en="Basis for a temporary hire",
    ),
    source="statsansatteloven § 9 første ledd",
    explanation=Messages(
        nb=(
            "Fast ansettelse er hovedregelen. En midlertidig ansettelse må ha ett av "
            "grunnlagene i § 9: a) arbeid av midlertidig karakter, b) vikariat, c) "
            "praksisarbeid, også traineeprogrammet (inntil to år, kan forlenges med ett år), "
            "d) utdanningsstillinger eller e) inntil seks måneder ved et uforutsett behov."
        ),
        nn=(
            "Fast tilsetjing er hovudregelen. Ei mellombels tilsetjing må ha eitt av "
            "grunnlaga i § 9: a) arbeid av mellombels karakter, b) vikariat, c) praksisarbeid, "
            "òg traineeprogrammet (inntil to år, kan forlengjast med eitt år), d) "
            "utdanningsstillingar eller e) inntil seks månader ved eit uføresett behov."
        ),
        en=(
            "Permanent employment is the main rule. A temporary hire needs one of the bases in "
            "§ 9: a) work of a temporary nature, b) substitute, c) practice work, including "
            "the trainee programme (up to two years, extendable by one), d) education "
            "positions or e) up to six months for an unforeseen need."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(TEMPORARY_BASIS_PARAMETERS),
)

ROUTE = RuleDefinition(
    id="ROUTE",
    title=Messages(nb="Ansettelsesvei", nn="Tilsetjingsveg", en="Hiring route"),
    source="statsansatteloven §§ 4, 7 og 9; statsansatteforskriften § 3a",
    explanation=Messages(
        nb=(
            "Sjekker om den valgte ansettelsesveien er lov: om stillingen må lyses ut, om "
            "kvalifikasjonsprinsippet gjelder, og hvor lenge ansettelsen kan vare. Den samler "
            "reglene om utlysning og om grunnlag for midlertidig ansettelse."
        ),
        nn=(
            "Sjekkar om den valde tilsetjingsvegen er lovleg: om stillinga må lysast ut, om "
            "kvalifikasjonsprinsippet gjeld, og kor lenge tilsetjinga kan vare. Han samlar "
            "reglane om utlysing og om grunnlag for mellombels tilsetjing."
        ),
        en=(
            "Checks whether the chosen hiring route is allowed: whether the vacancy must be "
            "announced, whether the qualification principle applies, and how long the "
            "employment may last. It combines the rules on announcement and on the basis for "
            "a temporary hire."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    combines=(ROUTE_ANNOUNCE.id, ROUTE_TEMP_BASIS.id),
)

_ROUTE_NAME = {
    Route.ORDINARY: Messages(nb="ordinær ansettelse", nn="ordinær tilsetjing", en="ordinary hire"),
    Route.ADMINISTRATIVE: Messages(
        nb="administrativ ansettelse", nn="administrativ tilsetjing", en="administrative hire"
    ),
    Route.WAGE_SUBSIDY: Messages(
        nb="midlertidig ansettelse med lønnstilskudd",
        nn="mellombels tilsetjing med lønnstilskot",
        en="temporary hire with wage subsidy",
    ),
    Route.AFTER_TRAINEE: Messages(
        nb="ansettelse etter traineeprogrammet",
        nn="tilsetjing etter traineeprogrammet",
        en="hire after the trainee programme",
    ),
    Route.TRAINEE: Messages(nb="traineestilling", nn="traineestilling", en="trainee position"),
}


@dataclass(frozen=True)
class RouteFacts:
    route: Route
    employment: Employment
    start: date
    end: date | None = None
    temporary_basis: TemporaryBasis | None = None
    target_group: frozenset[Declaration] = frozenset()
    has_wage_subsidy: bool = False
    completed_trainee_here: bool = False
    trainee_extended: bool = False  # the trainee period is extended by one year

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("the employment cannot end before it starts")
        if self.employment is Employment.PERMANENT and self.end is not None:
            raise ValueError("a permanent employment has no end date")


@dataclass(frozen=True)
class RouteResult:
    allowed: bool
    announcement_required: bool
    qualification_principle_applies: bool
    recommendation_required: bool
    max_end: date | None

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "allowed": self.allowed,
            "announcement_required": self.announcement_required,
            "qualification_principle_applies": self.qualification_principle_applies,
            "recommendation_required": self.recommendation_required,
            "max_end": iso(self.max_end),
        }


def _limit(
    rule: RuleDefinition, what: Messages, *, start: date, months: int, end: date | None
) -> tuple[date, Finding | None]:
    """The last allowed day of a route limited to `months`, and a block if `end` is
    missing or later."""
    last = end_of_period(start, months=months)
    allowed = spoken(last)
    if end is None:
        return last, rule.finding(
            Level.BLOCK,
            Messages(
                nb=f"{what.nb} kan vare i høyst {months} måneder og må ha en sluttdato "
                f"(senest {allowed.nb}).",
                nn=f"{what.nn} kan vare i høgst {months} månader og må ha ein sluttdato "
                f"(seinast {allowed.nn}).",
                en=f"{what.en} may last at most {months} months and needs an end date "
                f"(at the latest {allowed.en}).",
            ),
        )
    if end > last:
        planned = spoken(end)
        return last, rule.finding(
            Level.BLOCK,
            Messages(
                nb=f"{what.nb} kan vare i høyst {months} måneder, til og med {allowed.nb}, "
                f"men er planlagt til {planned.nb}.",
                nn=f"{what.nn} kan vare i høgst {months} månader, til og med {allowed.nn}, "
                f"men er planlagd til {planned.nn}.",
                en=f"{what.en} may last at most {months} months, until {allowed.en}, but is "
                f"planned until {planned.en}.",
            ),
        )
    return last, None


def _capital(text: Messages) -> Messages:
    return Messages(nb=text.nb.capitalize(), nn=text.nn.capitalize(), en=text.en.capitalize())


def check_route(
    *,
    facts: RouteFacts,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
    announce: AnnounceParameters = ANNOUNCE_PARAMETERS,
    basis: TemporaryBasisParameters = TEMPORARY_BASIS_PARAMETERS,
) -> Outcome[RouteResult]:
    """ROUTE: is the chosen hiring route allowed (ROUTE-ANNOUNCE and ROUTE-TEMP-BASIS)?"""
    route, name = facts.route, _capital(_ROUTE_NAME[facts.route])
    temporary = facts.employment is Employment.TEMPORARY
    found: list[Finding | None] = []
    limits: list[date] = []

    def limit(rule: RuleDefinition, what: Messages, months: int) -> None:
        last, finding = _limit(rule, what, start=facts.start, months=months, end=facts.end)
        limits.append(last)
        found.append(finding)

    def block(rule: RuleDefinition, nb: str, nn: str, en: str) -> None:
        found.append(rule.finding(Level.BLOCK, Messages(nb=nb, nn=nn, en=en)))

    # § 9 first paragraph: every temporary hire needs one basis.
    if temporary and facts.temporary_basis is None:
        block(
            ROUTE_TEMP_BASIS,
            "En midlertidig ansettelse må ha et grunnlag i statsansatteloven § 9 (bokstav a–e).",
            "Ei mellombels tilsetjing må ha eit grunnlag i statstilsettelova § 9 (bokstav a–e).",
            "A temporary hire needs a basis in the Civil Service Act § 9 (letters a–e).",
        )
    if temporary and facts.temporary_basis is TemporaryBasis.E:
        limit(
            ROUTE_TEMP_BASIS,
            Messages(
                nb="Midlertidig ansettelse ved uforutsett behov (bokstav e)",
                nn="Mellombels tilsetjing ved uføresett behov (bokstav e)",
                en="A temporary hire for an unforeseen need (letter e)",
            ),
            basis.unforeseen_need_months,
        )
    if route in (Route.ADMINISTRATIVE, Route.WAGE_SUBSIDY, Route.TRAINEE) and not temporary:
        block(
            ROUTE_ANNOUNCE if route is not Route.TRAINEE else ROUTE_TEMP_BASIS,
            f"{name.nb} er en midlertidig ansettelse; velg midlertidig.",
            f"{name.nn} er ei mellombels tilsetjing; vel mellombels.",
            f"{name.en} is a temporary hire; choose temporary.",
        )

    if route is Route.ADMINISTRATIVE:
        # § 7: six months, or one year when the staff regulations say so.
        twelve = organisation.staff_regulations_allow_12_months
        months = (
            announce.administrative_months_with_staff_regulations
            if twelve
            else announce.administrative_months
        )
        limit(ROUTE_ANNOUNCE, name, months)
        if found[-1] is not None and not twelve:
            found.append(
                ROUTE_ANNOUNCE.finding(
                    Level.INFO,
                    Messages(
                        nb="Administrativ ansettelse i inntil 12 måneder krever at "
                        "personalreglementet tillater det, og det gjør det ikke her.",
                        nn="Administrativ tilsetjing i inntil 12 månader krev at "
                        "personalreglementet tillèt det, og det gjer det ikkje her.",
                        en="An administrative hire of up to 12 months requires the staff "
                        "regulations to allow it, and here they do not.",
                    ),
                )
            )
        last = spoken(limits[-1])
        found.append(
            ROUTE_ANNOUNCE.finding(
                Level.INFO,
                Messages(
                    nb=f"Skal personen fortsette etter {last.nb}, kreves en ordinær "
                    "ansettelsesprosess med utlysning.",
                    nn=f"Skal personen halde fram etter {last.nn}, krevst ein ordinær "
                    "tilsetjingsprosess med utlysing.",
                    en=f"Keeping the person after {last.en} requires an ordinary hiring "
                    "process with public announcement.",
                ),
            )
        )
    elif route is Route.WAGE_SUBSIDY:
        # Forskrift § 3a letter b: a person in a target group with temporary wage subsidy.
        if not any(group in facts.target_group for group in TARGET_GROUPS):
            block(
                ROUTE_ANNOUNCE,
                "Ansettelse med lønnstilskudd uten utlysning krever at personen er i "
                "målgruppene (nedsatt funksjonsevne eller hull i CV-en).",
                "Tilsetjing med lønnstilskot utan utlysing krev at personen er i målgruppene "
                "(nedsett funksjonsevne eller hol i CV-en).",
                "A hire with wage subsidy without announcement requires the person to be in a "
                "target group (disability or gap in the CV).",
            )
        if not facts.has_wage_subsidy:
            block(
                ROUTE_ANNOUNCE,
                "Ansettelse med lønnstilskudd uten utlysning krever midlertidig lønnstilskudd "
                "fra NAV.",
                "Tilsetjing med lønnstilskot utan utlysing krev mellombels lønnstilskot frå NAV.",
                "A hire with wage subsidy without announcement requires a temporary wage "
                "subsidy from NAV.",
            )
        limit(ROUTE_ANNOUNCE, name, announce.wage_subsidy_months)
        found.append(
            ROUTE_ANNOUNCE.finding(
                Level.INFO,
                Messages(
                    nb="Stillingen skal likevel gjøres kjent internt (arbeidsmiljøloven § 14-1).",
                    nn="Stillinga skal likevel gjerast kjend internt (arbeidsmiljølova § 14-1).",
                    en="The position must still be made known internally (Working Environment "
                    "Act § 14-1).",
                ),
            )
        )
    elif route is Route.AFTER_TRAINEE and not facts.completed_trainee_here:
        block(
            ROUTE_ANNOUNCE,
            "Ansettelse uten utlysning etter traineeprogrammet krever at personen har "
            "gjennomført programmet i denne virksomheten.",
            "Tilsetjing utan utlysing etter traineeprogrammet krev at personen har gjennomført "
            "programmet i denne verksemda.",
            "A hire without announcement after the trainee programme requires the person to "
            "have completed the programme in this organisation.",
        )
    elif route is Route.TRAINEE:
        if temporary and facts.temporary_basis not in (None, TemporaryBasis.C):
            block(
                ROUTE_TEMP_BASIS,
                "En traineestilling er praksisarbeid og har grunnlag i § 9 bokstav c.",
                "Ei traineestilling er praksisarbeid og har grunnlag i § 9 bokstav c.",
                "A trainee position is practice work with its basis in § 9 letter c.",
            )
        extension = basis.trainee_extension_months if facts.trainee_extended else 0
        limit(ROUTE_TEMP_BASIS, name, basis.trainee_months + extension)

    findings = adjust_for_organisation(
        findings=(f for f in found if f is not None), organisation=organisation
    )
    allowed = not any(f.level is Level.BLOCK for f in findings)
    result = RouteResult(
        allowed=allowed,
        announcement_required=route in (Route.ORDINARY, Route.TRAINEE),
        qualification_principle_applies=route is not Route.ADMINISTRATIVE,
        recommendation_required=route is not Route.ADMINISTRATIVE,
        max_end=min(limits) if limits else None,
    )
    return Outcome(result, findings)
