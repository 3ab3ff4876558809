"""NAV before publishing: the NAV checkpoint (our policy) and the duty to report
vacancies to NAV (arbeidsmarkedsloven § 7)."""

from __future__ import annotations

from dataclasses import dataclass

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
)
from lim.rules.employment import Route

NAV_CHECKPOINT = RuleDefinition(
    id="NAV-CHECKPOINT",
    title=Messages(nb="NAV-sjekkpunkt", nn="NAV-sjekkpunkt", en="NAV checkpoint"),
    source="LIM-praksis (Helseklage; rapport fra Oslo Economics)",
    explanation=Messages(
        nb=(
            "Før annonsen publiseres, registrerer inkluderingskoordinatoren eller lederen om "
            "behovet kan dekkes av en person med nedsatt funksjonsevne eller hull i CV-en, om "
            "NAV spørres om kandidater (og hvorfor eller hvorfor ikke), og hvilken "
            "ansettelsesvei som velges. Saken kan ikke publiseres uten sjekkpunktet. Dette er "
            "vår praksis, og virksomheten kan slå den av."
        ),
        nn=(
            "Før annonsen blir publisert, registrerer inkluderingskoordinatoren eller leiaren "
            "om behovet kan dekkjast av ein person med nedsett funksjonsevne eller hol i "
            "CV-en, om NAV blir spurd om kandidatar (og kvifor eller kvifor ikkje), og kva "
            "tilsetjingsveg som blir vald. Saka kan ikkje publiserast utan sjekkpunktet. Dette "
            "er vår praksis, og verksemda kan slå han av."
        ),
        en=(
            "Before the ad is published, the inclusion coordinator or manager records whether "
            "the need can be met by a person with a disability or a gap in the CV, whether NAV "
            "is asked for candidates (and why or why not), and which hiring route is chosen. "
            "The case cannot be published without the checkpoint. This is our practice, and "
            "an organisation can switch it off."
        ),
    ),
    kind=RuleKind.POLICY,
    state_only=False,
)

ROUTE_NAV_REPORT = RuleDefinition(
    id="ROUTE-NAV-REPORT",
    title=Messages(
        nb="Melding av ledige stillinger til NAV",
        nn="Melding av ledige stillingar til NAV",
        en="Reporting vacancies to NAV",
    ),
    source="arbeidsmarkedsloven § 7",
    explanation=Messages(
        nb=(
            "Arbeidsgivere skal melde ledige stillinger til NAV. LIM lager annonsen i formatet "
            "Arbeidsplassen tar imot, og varsler når en stilling som skal lyses ut, ikke er "
            "meldt."
        ),
        nn=(
            "Arbeidsgivarar skal melde ledige stillingar til NAV. LIM lagar annonsen i formatet "
            "Arbeidsplassen tek imot, og varslar når ei stilling som skal lysast ut, ikkje er "
            "meld."
        ),
        en=(
            "Employers must report vacancies to NAV. LIM produces the ad in the format "
            "Arbeidsplassen accepts and warns when a vacancy to be announced has not been "
            "reported."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=False,
)


@dataclass(frozen=True)
class NavCheckpoint:
    """The recorded checkpoint decision."""

    can_target_group_fill: bool
    ask_nav: bool
    reason: str
    route: Route


@dataclass(frozen=True)
class CheckpointResult:
    recorded: bool
    can_publish: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"recorded": self.recorded, "can_publish": self.can_publish}


def check_nav_checkpoint(
    *, checkpoint: NavCheckpoint | None, organisation: OrganisationSettings = DEFAULT_ORGANISATION
) -> Outcome[CheckpointResult]:
    """NAV-CHECKPOINT (policy): may the ad be published? Required unless the organisation
    setting `require_nav_checkpoint` is off."""
    required = organisation.require_nav_checkpoint
    level = Level.BLOCK if required else Level.INFO
    findings = []
    if checkpoint is None:
        findings.append(
            NAV_CHECKPOINT.finding(
                level,
                Messages(
                    nb="NAV-sjekkpunktet er ikke registrert: kan behovet dekkes av en person "
                    "fra målgruppene, skal NAV spørres om kandidater, og hvilken "
                    "ansettelsesvei velges?",
                    nn="NAV-sjekkpunktet er ikkje registrert: kan behovet dekkjast av ein "
                    "person frå målgruppene, skal NAV spørjast om kandidatar, og kva "
                    "tilsetjingsveg blir vald?",
                    en="The NAV checkpoint has not been recorded: can a person from the target "
                    "groups meet the need, is NAV asked for candidates, and which hiring route "
                    "is chosen?",
                ),
            )
        )
    elif not checkpoint.reason.strip():
        findings.append(
            NAV_CHECKPOINT.finding(
                level,
                Messages(
                    nb="NAV-sjekkpunktet mangler begrunnelse for hvorfor NAV "
                    f"{'spørres' if checkpoint.ask_nav else 'ikke spørres'} om kandidater.",
                    nn="NAV-sjekkpunktet manglar grunngiving for kvifor NAV "
                    f"{'blir spurd' if checkpoint.ask_nav else 'ikkje blir spurd'} om "
                    "kandidatar.",
                    en="The NAV checkpoint gives no reason why NAV is "
                    f"{'' if checkpoint.ask_nav else 'not '}asked for candidates.",
                ),
            )
        )
    elif checkpoint.can_target_group_fill and not checkpoint.ask_nav:
        findings.append(
            NAV_CHECKPOINT.finding(
                Level.INFO,
                Messages(
                    nb="Behovet kan dekkes av en person fra målgruppene, men NAV spørres ikke "
                    "om kandidater. Vurder å spørre NAV.",
                    nn="Behovet kan dekkjast av ein person frå målgruppene, men NAV blir ikkje "
                    "spurd om kandidatar. Vurder å spørje NAV.",
                    en="A person from the target groups can meet the need, but NAV is not asked "
                    "for candidates. Consider asking NAV.",
                ),
            )
        )
    adjusted = adjust_for_organisation(findings=findings, organisation=organisation)
    result = CheckpointResult(
        recorded=checkpoint is not None,
        can_publish=not any(f.level is Level.BLOCK for f in adjusted),
    )
    return Outcome(result, adjusted)


@dataclass(frozen=True)
class NavReportResult:
    report_required: bool
    reported: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"report_required": self.report_required, "reported": self.reported}


def check_nav_report(
    *,
    announcement_required: bool,
    reported_to_nav: bool,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[NavReportResult]:
    """ROUTE-NAV-REPORT: a vacancy to be announced is reported to NAV (Arbeidsplassen)."""
    findings = []
    if announcement_required and not reported_to_nav:
        findings.append(
            ROUTE_NAV_REPORT.finding(
                Level.WARN,
                Messages(
                    nb="Stillingen skal lyses ut, men er ikke meldt til NAV (Arbeidsplassen).",
                    nn="Stillinga skal lysast ut, men er ikkje meld til NAV (Arbeidsplassen).",
                    en="The vacancy is to be announced but has not been reported to NAV "
                    "(Arbeidsplassen).",
                ),
            )
        )
    result = NavReportResult(report_required=announcement_required, reported=reported_to_nav)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
