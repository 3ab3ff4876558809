"""The public applicant list (offentleglova § 25).

The list is checked by four rules, so each finding says exactly what is wrong:

- APPLICANT-LIST-TIMING: no list until the original deadline has passed (applications
  are accepted all through the deadline day, so the list can come the day after);
- APPLICANT-LIST-EXEMPTION: every exemption request is decided, with a justification;
- APPLICANT-LIST-NOTIFY: a refused applicant is told before the list is published;
- APPLICANT-LIST-PUBLISHED: a name cannot be taken off the list after publication.

APPLICANT-LIST is the combined check; `build_applicant_list` produces the content:
name, age on the list date (never the date of birth), position or occupation and
municipality, in the order given; the totals and gender counts include exempted
applicants. An applicant whose request is not yet decided is withheld until it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lim.rules.applicant_list_rules import (
    APPLICANT_LIST_EXEMPTION,
    APPLICANT_LIST_NOTIFY,
    APPLICANT_LIST_PUBLISHED,
    APPLICANT_LIST_TIMING,
)
from lim.rules.base import (
    DEFAULT_ORGANISATION,
    JSON,
    Lang,
    Level,
    Messages,
    OrganisationSettings,
    Outcome,
    adjust_for_organisation,
)
from lim.rules.dates import age_on, spoken


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ExemptionDecision(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"


@dataclass(frozen=True)
class ExemptionRequest:
    reason: str
    decision: ExemptionDecision | None = None  # None: not decided yet
    justification: str = ""
    notified_on: date | None = None  # when the applicant was told of a refusal


@dataclass(frozen=True)
class ListApplicant:
    id: str
    name: str
    birth_date: date | None  # None: not given (registered by HR); the list shows no age
    position: str  # position or occupation
    municipality: str  # of residence or work
    gender: Gender = Gender.UNKNOWN
    exemption: ExemptionRequest | None = None
    withdrawn: bool = False

    @property
    def exempted(self) -> bool:
        return self.exemption is not None and self.exemption.decision is ExemptionDecision.GRANTED

    @property
    def pending(self) -> bool:
        return self.exemption is not None and self.exemption.decision is None


@dataclass(frozen=True)
class ApplicantListFacts:
    deadline: date  # the original deadline, even if it was extended
    applicants: tuple[ListApplicant, ...]
    published_on: date | None = None
    published_ids: tuple[str, ...] = ()  # applicants on the list already published


@dataclass(frozen=True)
class ListEntry:
    name: str
    age: int | None
    position: str
    municipality: str

    def to_dict(self) -> dict[str, JSON]:
        return {
            "name": self.name,
            "age": self.age,
            "position": self.position,
            "municipality": self.municipality,
        }


@dataclass(frozen=True)
class ApplicantList:
    entries: tuple[ListEntry, ...]
    total: int
    by_gender: dict[Gender, int]
    exempted: int
    withheld: tuple[str, ...]  # ids waiting for an exemption decision

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "entries": [e.to_dict() for e in self.entries],
            "total": self.total,
            "by_gender": {g.value: self.by_gender.get(g, 0) for g in Gender},
            "exempted": self.exempted,
            "withheld": list(self.withheld),
        }


def build_applicant_list(
    *, applicants: tuple[ListApplicant, ...], on: date, published_ids: tuple[str, ...] = ()
) -> ApplicantList:
    """The public list as of `on`. Names already published stay on it whatever happened
    since (withdrawal, late exemption), because a published name cannot be removed."""
    published = set(published_ids)
    counted = [a for a in applicants if not a.withdrawn or a.id in published]
    listed = [a for a in counted if a.id in published or not (a.exempted or a.pending)]
    return ApplicantList(
        entries=tuple(
            ListEntry(
                a.name,
                age_on(a.birth_date, on) if a.birth_date is not None else None,
                a.position,
                a.municipality,
            )
            for a in listed
        ),
        total=len(counted),
        by_gender=dict(Counter(a.gender for a in counted)),
        exempted=sum(a.exempted and a.id not in published for a in counted),
        withheld=tuple(a.id for a in counted if a.pending and a.id not in published),
    )


@dataclass(frozen=True)
class ApplicantListResult:
    can_publish: bool
    applicant_list: ApplicantList

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"can_publish": self.can_publish, **self.applicant_list.to_dict(lang)}


def _names(applicants: list[ListApplicant]) -> str:
    return ", ".join(a.name for a in applicants)


def check_applicant_list(
    *,
    facts: ApplicantListFacts,
    today: date,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[ApplicantListResult]:
    """APPLICANT-LIST: may the public applicant list be published today, and what is on it?"""
    findings = []
    # The deadline day itself still accepts applications; the list comes after it.
    if today <= facts.deadline:
        deadline = spoken(facts.deadline)
        findings.append(
            APPLICANT_LIST_TIMING.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Den offentlige søkerlisten kan ikke lages før den opprinnelige "
                    f"søknadsfristen {deadline.nb} er ute.",
                    nn=f"Den offentlege søkjarlista kan ikkje lagast før den opphavlege "
                    f"søknadsfristen {deadline.nn} er ute.",
                    en=f"The public applicant list cannot be produced until the original "
                    f"deadline, {deadline.en}, has passed.",
                ),
            )
        )
    requests = [a for a in facts.applicants if a.exemption is not None and not a.withdrawn]
    undecided = [a for a in requests if a.pending]
    unjustified = [
        a
        for a in requests
        if not a.pending and a.exemption and not a.exemption.justification.strip()
    ]
    if undecided:
        findings.append(
            APPLICANT_LIST_EXEMPTION.finding(
                Level.BLOCK,
                Messages(
                    nb=(
                        "1 anmodning om unntak er ikke avgjort"
                        if len(undecided) == 1
                        else f"{len(undecided)} anmodninger om unntak er ikke avgjort"
                    )
                    + f": {_names(undecided)}. Hver anmodning må vurderes for seg.",
                    nn=(
                        "1 oppmoding om unntak er ikkje avgjord"
                        if len(undecided) == 1
                        else f"{len(undecided)} oppmodingar om unntak er ikkje avgjorde"
                    )
                    + f": {_names(undecided)}. Kvar oppmoding må vurderast for seg.",
                    en=(
                        "1 exemption request has not been decided"
                        if len(undecided) == 1
                        else f"{len(undecided)} exemption requests have not been decided"
                    )
                    + f": {_names(undecided)}. Each request must be assessed on its own.",
                ),
            )
        )
    if unjustified:
        findings.append(
            APPLICANT_LIST_EXEMPTION.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Avgjørelsen om unntak mangler begrunnelse for {_names(unjustified)}.",
                    nn=f"Avgjerda om unntak manglar grunngiving for {_names(unjustified)}.",
                    en=f"The exemption decision has no justification for {_names(unjustified)}.",
                ),
            )
        )
    granted = [a for a in requests if a.exempted]
    texts = {a.exemption.justification.strip() for a in granted if a.exemption}
    if len(granted) >= 2 and len(granted) == len(requests) and len(texts) == 1 and "" not in texts:
        findings.append(
            APPLICANT_LIST_EXEMPTION.finding(
                Level.WARN,
                Messages(
                    nb=f"Alle {len(granted)} anmodninger er innvilget med samme begrunnelse. "
                    "Å innvilge alle uten individuell vurdering er ikke lov; vurder hver "
                    "søker opp mot allmennhetens interesse i stillingen.",
                    nn=f"Alle {len(granted)} oppmodingane er innvilga med same grunngiving. "
                    "Å innvilge alle utan individuell vurdering er ikkje lov; vurder kvar "
                    "søkjar opp mot interessa ålmenta har i stillinga.",
                    en=f"All {len(granted)} requests were granted with the same justification. "
                    "Granting all without an individual assessment is unlawful; weigh each "
                    "applicant against the public interest in the position.",
                ),
            )
        )
    refused = [
        a
        for a in requests
        if a.exemption is not None and a.exemption.decision is ExemptionDecision.REFUSED
    ]
    told_too_late = [
        a
        for a in refused
        if a.exemption is not None
        and (
            a.exemption.notified_on is None
            or (facts.published_on is not None and a.exemption.notified_on > facts.published_on)
        )
    ]
    if told_too_late:
        findings.append(
            APPLICANT_LIST_NOTIFY.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Søkere som har fått avslag på unntak, må varsles før listen "
                    f"publiseres, slik at de kan trekke søknaden: {_names(told_too_late)}.",
                    nn=f"Søkjarar som har fått avslag på unntak, må varslast før lista blir "
                    f"publisert, slik at dei kan trekkje søknaden: {_names(told_too_late)}.",
                    en=f"Applicants whose exemption was refused must be told before the list "
                    f"is published, so they can withdraw: {_names(told_too_late)}.",
                ),
            )
        )
    published = set(facts.published_ids)
    removed = [a for a in facts.applicants if a.id in published and (a.withdrawn or a.exempted)]
    if removed:
        findings.append(
            APPLICANT_LIST_PUBLISHED.finding(
                Level.BLOCK,
                Messages(
                    nb=f"Listen er allerede publisert, og navn kan ikke fjernes fra den: "
                    f"{_names(removed)}.",
                    nn=f"Lista er alt publisert, og namn kan ikkje fjernast frå ho: "
                    f"{_names(removed)}.",
                    en=f"The list has already been published, and names cannot be taken off "
                    f"it: {_names(removed)}.",
                ),
            )
        )
    adjusted = adjust_for_organisation(findings=findings, organisation=organisation)
    applicant_list = build_applicant_list(
        applicants=facts.applicants, on=today, published_ids=facts.published_ids
    )
    can_publish = not any(f.level is Level.BLOCK for f in adjusted)
    return Outcome(ApplicantListResult(can_publish, applicant_list), adjusted)
