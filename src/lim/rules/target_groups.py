"""The target groups of statsansatteforskriften §§ 4 and 4a.

TG-DISABILITY is self-declared. TG-CVGAP is computed from the periods and causes the
applicant gives, and the result explains how it was reached:

- the window is the five years before the application date, both ends included:
  [application_date − 5 calendar years, application_date]; 2026-03-01 gives 2021-03-01,
  and 2024-02-29 gives 2019-02-28;
- only absences with a cause other than `other` count, the parts outside the window are
  ignored, and days covered by several periods count once;
- "two years" is 730 days;
- a permanent employment, or a temporary one lasting more than one year from start to
  end (that is, ending on or after the same date one year later), disqualifies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
)
from lim.rules.dates import Period, add_years, inclusive_days, spoken, union_days


class Declaration(StrEnum):
    """What an applicant may declare. Immigrant background is for statistics only."""

    DISABILITY = "disability"
    CV_GAP = "cv_gap"
    IMMIGRANT_BACKGROUND = "immigrant_background"


TARGET_GROUPS: tuple[Declaration, ...] = (Declaration.DISABILITY, Declaration.CV_GAP)


class AbsenceCause(StrEnum):
    ILLNESS = "illness"  # physical or mental illness
    SUBSTANCE_ABUSE = "substance_abuse"
    IMPRISONMENT = "imprisonment"
    JOB_SEEKING = "job_seeking"  # actively seeking work in the period
    OTHER = "other"  # does not count under § 4a


class EmploymentKind(StrEnum):
    NONE = "none"
    PERMANENT = "permanent"
    TEMPORARY = "temporary"


@dataclass(frozen=True)
class CvGapParameters:
    window_years: int = 5
    required_days: int = 730  # "at least 2 years"
    temporary_employment_max_years: int = 1


CV_GAP_PARAMETERS = CvGapParameters()

TG_DISABILITY = RuleDefinition(
    id="TG-DISABILITY",
    title=Messages(
        nb="Målgruppe: nedsatt funksjonsevne",
        nn="Målgruppe: nedsett funksjonsevne",
        en="Target group: disability",
    ),
    source="statsansatteforskriften § 4 første ledd",
    explanation=Messages(
        nb=(
            "En søker er i målgruppen når hen selv oppgir å ha en funksjonsnedsettelse som "
            "krever tilrettelegging på arbeidsplassen eller i arbeidsforholdet. Opplysningen "
            "er frivillig, og LIM slutter seg aldri til den ut fra andre opplysninger."
        ),
        nn=(
            "Ein søkjar er i målgruppa når vedkomande sjølv oppgir å ha ei funksjonsnedsetting "
            "som krev tilrettelegging på arbeidsplassen eller i arbeidsforholdet. Opplysninga "
            "er frivillig, og LIM sluttar seg aldri til ho ut frå andre opplysningar."
        ),
        en=(
            "An applicant is in the target group when they state that they have a disability "
            "that requires accommodation at the workplace or in the employment. The "
            "declaration is voluntary, and LIM never infers it from other information."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
)

TG_CVGAP = RuleDefinition(
    id="TG-CVGAP",
    title=Messages(
        nb="Målgruppe: hull i CV-en",
        nn="Målgruppe: hol i CV-en",
        en="Target group: gap in the CV",
    ),
    source="statsansatteforskriften § 4a første ledd",
    explanation=Messages(
        nb=(
            "En søker har hull i CV-en når hen de siste fem årene før søknaden til sammen har "
            "vært utenfor arbeid, utdanning eller opplæring i minst to år (730 dager). "
            "Fraværet må skyldes rus, soning eller fysisk eller psykisk sykdom, eller søkeren "
            "må ha vært aktivt arbeidssøkende. Den som har fast stilling, eller en midlertidig "
            "stilling som varer mer enn ett år, er ikke i målgruppen."
        ),
        nn=(
            "Ein søkjar har hol i CV-en når vedkomande dei siste fem åra før søknaden til saman "
            "har vore utanfor arbeid, utdanning eller opplæring i minst to år (730 dagar). "
            "Fråværet må skuldast rus, soning eller fysisk eller psykisk sjukdom, eller "
            "søkjaren må ha vore aktivt arbeidssøkjande. Den som har fast stilling, eller ei "
            "mellombels stilling som varer meir enn eitt år, er ikkje i målgruppa."
        ),
        en=(
            "An applicant has a gap in the CV when, in the five years before applying, they "
            "have been outside work, education or training for at least two years (730 days) "
            "in total. The absence must be due to substance abuse, imprisonment or physical "
            "or mental illness, or the applicant must have been actively seeking work. "
            "Someone in a permanent job, or in a temporary job lasting more than one year, is "
            "not in the target group."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(CV_GAP_PARAMETERS),
)


@dataclass(frozen=True)
class Absence:
    start: date
    end: date
    cause: AbsenceCause

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("an absence cannot end before it starts")

    @property
    def counts(self) -> bool:
        return self.cause is not AbsenceCause.OTHER


@dataclass(frozen=True)
class CurrentEmployment:
    kind: EmploymentKind = EmploymentKind.NONE
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.kind is EmploymentKind.TEMPORARY and (self.start is None or self.end is None):
            raise ValueError("a temporary employment needs a start and an end date")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("an employment cannot end before it starts")


@dataclass(frozen=True)
class CvGapFacts:
    application_date: date
    absences: tuple[Absence, ...] = ()
    current_employment: CurrentEmployment = CurrentEmployment()


@dataclass(frozen=True)
class CvGapResult:
    qualifies: bool
    qualifying_absence_days: int
    window_start: date
    window_end: date
    reasons: tuple[Messages, ...]

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "qualifies": self.qualifies,
            "qualifying_absence_days": self.qualifying_absence_days,
            "window_start": self.window_start.isoformat(),
            "window_end": self.window_end.isoformat(),
            "reasons": [reason.get(lang) for reason in self.reasons],
        }


def cv_gap_window(
    *, application_date: date, parameters: CvGapParameters = CV_GAP_PARAMETERS
) -> Period:
    """The five years before the application, both ends included (§ 4a: "de siste fem årene")."""
    return Period(add_years(application_date, -parameters.window_years), application_date)


def _employment_disqualifies(
    employment: CurrentEmployment, parameters: CvGapParameters
) -> Messages | None:
    """Why the current employment disqualifies (§ 4a first paragraph (2)), or None."""
    if employment.kind is EmploymentKind.PERMANENT:
        return Messages(
            nb="Søkeren har fast stilling, og er derfor ikke i målgruppen.",
            nn="Søkjaren har fast stilling, og er difor ikkje i målgruppa.",
            en="The applicant has a permanent job and is therefore not in the target group.",
        )
    if employment.kind is EmploymentKind.TEMPORARY:
        assert employment.start is not None
        assert employment.end is not None
        limit = add_years(employment.start, parameters.temporary_employment_max_years)
        days = inclusive_days(employment.start, employment.end)
        if employment.end >= limit:
            return Messages(
                nb=f"Søkeren har en midlertidig stilling som varer mer enn ett år "
                f"({days} dager), og er derfor ikke i målgruppen.",
                nn=f"Søkjaren har ei mellombels stilling som varer meir enn eitt år "
                f"({days} dagar), og er difor ikkje i målgruppa.",
                en=f"The applicant has a temporary job lasting more than one year ({days} days) "
                "and is therefore not in the target group.",
            )
    return None


def evaluate_cv_gap(
    *,
    facts: CvGapFacts,
    parameters: CvGapParameters = CV_GAP_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[CvGapResult]:
    """TG-CVGAP: does the applicant meet the CV-gap definition of § 4a first paragraph?"""
    window = cv_gap_window(application_date=facts.application_date, parameters=parameters)
    counted: list[Period] = []
    other_cause = 0
    outside_days = 0
    for absence in facts.absences:
        if not absence.counts:
            other_cause += 1
            continue
        period = Period(absence.start, absence.end)
        inside = period.clip(window)
        outside_days += period.days - (inside.days if inside else 0)
        if inside is not None:
            counted.append(inside)
    days = union_days(counted)
    overlap_days = sum(p.days for p in counted) - days
    enough = days >= parameters.required_days
    disqualified = _employment_disqualifies(facts.current_employment, parameters)
    qualifies = enough and disqualified is None

    start, end = spoken(window.start), spoken(window.end)
    need = parameters.required_days
    reasons = [
        Messages(
            nb=f"Fravær som teller, innenfor perioden {start.nb}–{end.nb}: {days} dager "
            f"(kravet er minst {need} dager).",
            nn=f"Fråvær som tel, innanfor perioden {start.nn}–{end.nn}: {days} dagar "
            f"(kravet er minst {need} dagar).",
            en=f"Absence that counts within the period {start.en}–{end.en}: {days} days "
            f"(at least {need} days are required).",
        )
    ]
    if other_cause:
        reasons.append(
            Messages(
                nb=f"{other_cause} periode(r) med årsaken «annet» teller ikke.",
                nn=f"{other_cause} periode(ar) med årsaka «anna» tel ikkje.",
                en=f"{other_cause} period(s) with the cause 'other' do not count.",
            )
        )
    if outside_days:
        reasons.append(
            Messages(
                nb=f"{outside_days} dager utenfor femårsperioden er ikke tatt med.",
                nn=f"{outside_days} dagar utanfor femårsperioden er ikkje tekne med.",
                en=f"{outside_days} days outside the five-year period are not included.",
            )
        )
    if overlap_days:
        reasons.append(
            Messages(
                nb=f"Perioder som overlapper, er bare telt én gang ({overlap_days} dager).",
                nn=f"Periodar som overlappar, er berre talde éin gong ({overlap_days} dagar).",
                en=f"Overlapping periods are counted only once ({overlap_days} days).",
            )
        )
    reasons.append(
        disqualified
        or Messages(
            nb="Søkeren har verken fast stilling eller midlertidig stilling som varer mer enn "
            "ett år.",
            nn="Søkjaren har verken fast stilling eller mellombels stilling som varer meir enn "
            "eitt år.",
            en="The applicant has neither a permanent job nor a temporary job lasting more "
            "than one year.",
        )
    )
    result = CvGapResult(
        qualifies=qualifies,
        qualifying_absence_days=days,
        window_start=window.start,
        window_end=window.end,
        reasons=tuple(reasons),
    )
    if qualifies:
        message = Messages(
            nb="Søkeren er i målgruppen «hull i CV-en».",
            nn="Søkjaren er i målgruppa «hol i CV-en».",
            en="The applicant is in the target group 'gap in the CV'.",
        )
    else:
        message = Messages(
            nb="Søkeren er ikke i målgruppen «hull i CV-en».",
            nn="Søkjaren er ikkje i målgruppa «hol i CV-en».",
            en="The applicant is not in the target group 'gap in the CV'.",
        )
    findings = [TG_CVGAP.finding(Level.INFO, message)]
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))


@dataclass(frozen=True)
class DisabilityFacts:
    declares_disability: bool
    requires_accommodation: bool


@dataclass(frozen=True)
class DisabilityResult:
    in_target_group: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"in_target_group": self.in_target_group}


def evaluate_disability(
    *, facts: DisabilityFacts, organisation: OrganisationSettings = DEFAULT_ORGANISATION
) -> Outcome[DisabilityResult]:
    """TG-DISABILITY: the applicant's own statement decides (§ 4 first paragraph)."""
    in_group = facts.declares_disability and facts.requires_accommodation
    findings = []
    if facts.declares_disability and not facts.requires_accommodation:
        findings.append(
            TG_DISABILITY.finding(
                Level.INFO,
                Messages(
                    nb="Søkeren har oppgitt nedsatt funksjonsevne, men ikke behov for "
                    "tilrettelegging. Det er behovet for tilrettelegging som gir plass i "
                    "målgruppen.",
                    nn="Søkjaren har oppgitt nedsett funksjonsevne, men ikkje behov for "
                    "tilrettelegging. Det er behovet for tilrettelegging som gjev plass i "
                    "målgruppa.",
                    en="The applicant declared a disability but no need for accommodation. "
                    "It is the need for accommodation that places them in the target group.",
                ),
            )
        )
    return Outcome(
        DisabilityResult(in_target_group=in_group),
        adjust_for_organisation(findings=findings, organisation=organisation),
    )
