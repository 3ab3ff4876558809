"""Rules for the recommendation (innstilling): ranking and justification, the reminder
about positive special treatment, and the target-group counts it must show."""

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
    parameters_of,
)
from lim.rules.interview import SelectionApplicant
from lim.rules.target_groups import TARGET_GROUPS, Declaration


@dataclass(frozen=True)
class EqualQualifiedParameters:
    # How many ranks below the top count as "just below" (1: only the next rank).
    ranks_below_top: int = 1


EQUAL_QUALIFIED_PARAMETERS = EqualQualifiedParameters()

SEL_EQUAL_QUALIFIED = RuleDefinition(
    id="SEL-EQUAL-QUALIFIED",
    title=Messages(
        nb="Tilnærmet like godt kvalifisert",
        nn="Tilnærma like godt kvalifisert",
        en="Approximately as well qualified",
    ),
    source="statsansatteforskriften §§ 4 og 4a tredje ledd",
    explanation=Messages(
        nb=(
            "En søker i målgruppene kan ansettes når hen er tilnærmet like godt kvalifisert "
            "som den best kvalifiserte søkeren. Når innstillingen rangerer en kvalifisert "
            "søker fra målgruppene rett under den øverste, minner LIM den som skriver om "
            "denne muligheten."
        ),
        nn=(
            "Ein søkjar i målgruppene kan tilsetjast når vedkomande er tilnærma like godt "
            "kvalifisert som den best kvalifiserte søkjaren. Når innstillinga rangerer ein "
            "kvalifisert søkjar frå målgruppene rett under den øvste, minner LIM den som "
            "skriv, om denne moglegheita."
        ),
        en=(
            "An applicant from the target groups may be hired when approximately as well "
            "qualified as the best-qualified applicant. When the recommendation ranks a "
            "qualified target-group applicant just below the top, LIM reminds the writer of "
            "this option."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    parameters=parameters_of(EQUAL_QUALIFIED_PARAMETERS),
)

SEL_QUALIFICATION = RuleDefinition(
    id="SEL-QUALIFICATION",
    title=Messages(
        nb="Kvalifikasjonsprinsippet",
        nn="Kvalifikasjonsprinsippet",
        en="The qualification principle",
    ),
    source="statsansatteloven § 3",
    explanation=Messages(
        nb=(
            "Den best kvalifiserte søkeren skal ansettes. Innstillingen må rangere søkerne "
            "etter utdanning, erfaring og personlig egnethet, målt mot kravene i utlysningen, "
            "og begrunne rangeringen. Uten rangering og begrunnelse kan innstillingen ikke "
            "sendes."
        ),
        nn=(
            "Den best kvalifiserte søkjaren skal tilsetjast. Innstillinga må rangere søkjarane "
            "etter utdanning, erfaring og personleg eignaheit, målt mot krava i utlysinga, og "
            "grunngje rangeringa. Utan rangering og grunngiving kan innstillinga ikkje sendast."
        ),
        en=(
            "The best-qualified applicant is to be hired. The recommendation must rank the "
            "applicants by education, experience and personal suitability against the "
            "requirements in the ad, and justify the ranking. Without a ranking and a "
            "justification the recommendation cannot be sent."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
)

SEL_REC_COUNTS = RuleDefinition(
    id="SEL-REC-COUNTS",
    title=Messages(
        nb="Tall for målgruppene i innstillingen",
        nn="Tal for målgruppene i innstillinga",
        en="Target-group figures in the recommendation",
    ),
    source="LIM-praksis (Helseklage, inkludering i rekruttering)",
    explanation=Messages(
        nb=(
            "Innstillingen viser hvor mange søkere som har oppgitt nedsatt funksjonsevne, "
            "hull i CV-en og innvandrerbakgrunn, og hvor mange av dem som var kvalifisert, "
            "intervjuet og rangert. Den som skriver innstillingen, kommenterer vurderingen. "
            "Dette er vår praksis, ikke lovkrav, og virksomheten kan slå den av."
        ),
        nn=(
            "Innstillinga viser kor mange søkjarar som har oppgitt nedsett funksjonsevne, hol "
            "i CV-en og innvandrarbakgrunn, og kor mange av dei som var kvalifiserte, "
            "intervjua og rangerte. Den som skriv innstillinga, kommenterer vurderinga. Dette "
            "er vår praksis, ikkje lovkrav, og verksemda kan slå han av."
        ),
        en=(
            "The recommendation shows how many applicants declared a disability, a gap in the "
            "CV or immigrant background, and how many of them were qualified, interviewed and "
            "ranked. The writer comments on the assessment. This is our practice, not law, "
            "and an organisation can switch it off."
        ),
    ),
    kind=RuleKind.POLICY,
    state_only=False,
)


@dataclass(frozen=True)
class RankedCandidate:
    applicant_id: str
    rank: int  # 1 is the best qualified
    justification: str = ""

    def __post_init__(self) -> None:
        if self.rank < 1:
            raise ValueError("a rank starts at 1")


@dataclass(frozen=True)
class RecommendationFacts:
    applicants: tuple[SelectionApplicant, ...]
    ranking: tuple[RankedCandidate, ...] = ()
    assessment_comment: str = ""

    def __post_init__(self) -> None:
        known = {a.id for a in self.applicants}
        unknown = [c.applicant_id for c in self.ranking if c.applicant_id not in known]
        if unknown:
            raise ValueError(f"ranked applicants not among the applicants: {', '.join(unknown)}")

    def applicant(self, applicant_id: str) -> SelectionApplicant:
        return next(a for a in self.applicants if a.id == applicant_id)


def _ids(ids: tuple[str, ...]) -> str:
    return ", ".join(ids)


@dataclass(frozen=True)
class QualificationResult:
    ranked: int
    missing_justification: tuple[str, ...]
    not_qualified_ranked: tuple[str, ...]

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "ranked": self.ranked,
            "missing_justification": list(self.missing_justification),
            "not_qualified_ranked": list(self.not_qualified_ranked),
        }


def check_qualification(
    *, facts: RecommendationFacts, organisation: OrganisationSettings = DEFAULT_ORGANISATION
) -> Outcome[QualificationResult]:
    """SEL-QUALIFICATION (statsansatteloven § 3): a ranking with a justification for each."""
    ranking = sorted(facts.ranking, key=lambda c: c.rank)
    missing = tuple(c.applicant_id for c in ranking if not c.justification.strip())
    unqualified = tuple(
        c.applicant_id for c in ranking if not facts.applicant(c.applicant_id).qualified
    )
    findings = []
    if not ranking:
        findings.append(
            SEL_QUALIFICATION.finding(
                Level.BLOCK,
                Messages(
                    nb="Innstillingen rangerer ingen søkere. Ranger de kvalifiserte søkerne "
                    "og begrunn rangeringen.",
                    nn="Innstillinga rangerer ingen søkjarar. Ranger dei kvalifiserte "
                    "søkjarane og grunngje rangeringa.",
                    en="The recommendation ranks no applicants. Rank the qualified applicants "
                    "and justify the ranking.",
                ),
            )
        )
    if missing:
        findings.append(
            SEL_QUALIFICATION.finding(
                Level.BLOCK,
                Messages(
                    nb=f"{len(missing)} rangerte søkere mangler begrunnelse: {_ids(missing)}.",
                    nn=f"{len(missing)} rangerte søkjarar manglar grunngiving: {_ids(missing)}.",
                    en=f"{len(missing)} ranked applicants have no justification: {_ids(missing)}.",
                ),
            )
        )
    if unqualified:
        findings.append(
            SEL_QUALIFICATION.finding(
                Level.WARN,
                Messages(
                    nb=f"Innstillingen rangerer søkere som er vurdert som ikke kvalifisert: "
                    f"{_ids(unqualified)}.",
                    nn=f"Innstillinga rangerer søkjarar som er vurderte som ikkje kvalifiserte: "
                    f"{_ids(unqualified)}.",
                    en=f"The recommendation ranks applicants assessed as not qualified: "
                    f"{_ids(unqualified)}.",
                ),
            )
        )
    result = QualificationResult(len(ranking), missing, unqualified)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))


@dataclass(frozen=True)
class EqualQualifiedResult:
    top: tuple[str, ...]
    just_below_top: tuple[str, ...]  # qualified target-group applicants to remind about

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"top": list(self.top), "just_below_top": list(self.just_below_top)}


def _in_target_group(applicant: SelectionApplicant) -> bool:
    return any(group in applicant.declared for group in TARGET_GROUPS)


def check_equal_qualified(
    *,
    facts: RecommendationFacts,
    parameters: EqualQualifiedParameters = EQUAL_QUALIFIED_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[EqualQualifiedResult]:
    """SEL-EQUAL-QUALIFIED (§§ 4 and 4a third paragraph): remind when a qualified
    target-group applicant is ranked 1..`ranks_below_top` places below the top rank."""
    if not facts.ranking:
        return Outcome(EqualQualifiedResult((), ()), ())
    top_rank = min(c.rank for c in facts.ranking)
    top = tuple(c.applicant_id for c in facts.ranking if c.rank == top_rank)
    top_has_target_group = any(_in_target_group(facts.applicant(i)) for i in top)
    below = tuple(
        c.applicant_id
        for c in sorted(facts.ranking, key=lambda c: c.rank)
        if 1 <= c.rank - top_rank <= parameters.ranks_below_top
        and facts.applicant(c.applicant_id).qualified
        and _in_target_group(facts.applicant(c.applicant_id))
    )
    if top_has_target_group:
        below = ()
    findings = []
    if below:
        many = len(below) > 1
        findings.append(
            SEL_EQUAL_QUALIFIED.finding(
                Level.INFO,
                Messages(
                    nb=f"{'Søkerne' if many else 'Søker'} {_ids(below)} i målgruppene er "
                    "rangert rett under den øverste. Den som er tilnærmet like godt "
                    "kvalifisert, kan ansettes foran den best kvalifiserte.",
                    nn=f"{'Søkjarane' if many else 'Søkjar'} {_ids(below)} i målgruppene er "
                    f"{'rangerte' if many else 'rangert'} rett under den øvste. Den som er "
                    "tilnærma like godt kvalifisert, kan tilsetjast framfor den best kvalifiserte.",
                    en=f"Target-group {'applicants' if many else 'applicant'} {_ids(below)} "
                    f"{'are' if many else 'is'} ranked just below the top. Someone "
                    "approximately as well qualified may be hired ahead of the "
                    "best-qualified applicant.",
                ),
            )
        )
    result = EqualQualifiedResult(top, below)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))


@dataclass(frozen=True)
class GroupCounts:
    declared: int
    qualified: int
    interviewed: int
    ranked: int

    def to_dict(self) -> dict[str, JSON]:
        return {
            "declared": self.declared,
            "qualified": self.qualified,
            "interviewed": self.interviewed,
            "ranked": self.ranked,
        }


@dataclass(frozen=True)
class RecommendationCountsResult:
    groups: dict[Declaration, GroupCounts]
    comment_recorded: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        counts: dict[str, JSON] = {g.value: c.to_dict() for g, c in self.groups.items()}
        return {**counts, "comment_recorded": self.comment_recorded}


def recommendation_counts(
    *, facts: RecommendationFacts, organisation: OrganisationSettings = DEFAULT_ORGANISATION
) -> Outcome[RecommendationCountsResult]:
    """SEL-REC-COUNTS (policy): the figures the recommendation shows, and the writer's
    comment. Missing comment: `block` when anyone declared a group, else `warn`."""
    ranked_ids = {c.applicant_id for c in facts.ranking}
    groups: dict[Declaration, GroupCounts] = {}
    for group in Declaration:
        members = [a for a in facts.applicants if group in a.declared]
        groups[group] = GroupCounts(
            declared=len(members),
            qualified=sum(a.qualified for a in members),
            interviewed=sum(a.invited for a in members),
            ranked=sum(a.id in ranked_ids for a in members),
        )
    commented = bool(facts.assessment_comment.strip())
    anyone = any(c.declared for c in groups.values())
    findings = []
    if not commented:
        findings.append(
            SEL_REC_COUNTS.finding(
                Level.BLOCK if anyone else Level.WARN,
                Messages(
                    nb="Innstillingen mangler en kommentar til vurderingen av søkerne som har "
                    "oppgitt nedsatt funksjonsevne, hull i CV-en eller innvandrerbakgrunn "
                    f"({sum(c.declared for c in groups.values())} oppgitte opplysninger).",
                    nn="Innstillinga manglar ein kommentar til vurderinga av søkjarane som har "
                    "oppgitt nedsett funksjonsevne, hol i CV-en eller innvandrarbakgrunn "
                    f"({sum(c.declared for c in groups.values())} oppgitte opplysningar).",
                    en="The recommendation has no comment on the assessment of applicants who "
                    "declared a disability, a gap in the CV or immigrant background "
                    f"({sum(c.declared for c in groups.values())} declarations).",
                ),
            )
        )
    result = RecommendationCountsResult(groups, commented)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
