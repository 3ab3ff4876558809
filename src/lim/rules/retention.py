"""How long an application is kept (our policy; defaults from Jobbnorge, configurable).

`delete_after` is the last day the application is kept: the day the case closed plus 120
days (not interviewed) or 540 days (interviewed or hired). It is due for deletion from
the day after. A withdrawn application is due at once.
"""

from __future__ import annotations

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
from lim.rules.dates import spoken


@dataclass(frozen=True)
class RetentionParameters:
    not_interviewed_days: int = 120
    interviewed_or_hired_days: int = 540


RETENTION_PARAMETERS = RetentionParameters()

RETENTION = RuleDefinition(
    id="RETENTION",
    title=Messages(
        nb="Sletting av søknader", nn="Sletting av søknader", en="Deleting applications"
    ),
    source="LIM-praksis (personvernforordningen art. 5; standard fra Jobbnorge)",
    explanation=Messages(
        nb=(
            "Søknader fra personer som ikke ble intervjuet, slettes 120 dager etter at saken "
            "er avsluttet; søknader fra dem som ble intervjuet eller ansatt, etter 540 dager. "
            "Samlede tall blir stående etter slettingen. En søker kan trekke søknaden og få "
            "den slettet når som helst før det er tatt en avgjørelse."
        ),
        nn=(
            "Søknader frå personar som ikkje vart intervjua, blir sletta 120 dagar etter at "
            "saka er avslutta; søknader frå dei som vart intervjua eller tilsette, etter 540 "
            "dagar. Samla tal blir ståande etter slettinga. Ein søkjar kan trekkje søknaden og "
            "få han sletta når som helst før det er teke ei avgjerd."
        ),
        en=(
            "Applications from people who were not interviewed are deleted 120 days after the "
            "case closes; those of people interviewed or hired, after 540 days. Aggregate "
            "figures remain after deletion. An applicant can withdraw and have the "
            "application deleted at any time before a decision."
        ),
    ),
    kind=RuleKind.POLICY,
    state_only=False,
    parameters=parameters_of(RETENTION_PARAMETERS),
)


@dataclass(frozen=True)
class RetentionFacts:
    case_closed: date | None  # None: the case is still open
    interviewed: bool = False
    hired: bool = False
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class RetentionResult:
    delete_after: date | None
    due: bool

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"delete_after": iso(self.delete_after), "due": self.due}


def retention_deadline(
    *, facts: RetentionFacts, parameters: RetentionParameters = RETENTION_PARAMETERS
) -> date | None:
    """The last day the application is kept, or None while the case is open."""
    if facts.withdrawn_on is not None and not facts.hired:
        return facts.withdrawn_on
    if facts.case_closed is None:
        return None
    keep = (
        parameters.interviewed_or_hired_days
        if facts.interviewed or facts.hired
        else parameters.not_interviewed_days
    )
    return facts.case_closed + timedelta(days=keep)


def check_retention(
    *,
    facts: RetentionFacts,
    today: date,
    parameters: RetentionParameters = RETENTION_PARAMETERS,
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[RetentionResult]:
    """RETENTION (policy): when is the application deleted, and is that today or earlier?"""
    delete_after = retention_deadline(facts=facts, parameters=parameters)
    withdrawn = facts.withdrawn_on is not None and not facts.hired
    due = withdrawn or (delete_after is not None and today > delete_after)
    findings = []
    if due and delete_after is not None:
        kept = spoken(delete_after)
        if withdrawn:
            message = Messages(
                nb=f"Søkeren trakk søknaden {kept.nb}; den skal slettes nå.",
                nn=f"Søkjaren trekte søknaden {kept.nn}; han skal slettast no.",
                en=f"The applicant withdrew on {kept.en}; the application must be deleted now.",
            )
        else:
            message = Messages(
                nb=f"Søknaden skulle oppbevares til og med {kept.nb} og skal slettes nå.",
                nn=f"Søknaden skulle takast vare på til og med {kept.nn} og skal slettast no.",
                en=f"The application was to be kept until {kept.en} and must be deleted now.",
            )
        findings.append(RETENTION.finding(Level.INFO, message))
    result = RetentionResult(delete_after=delete_after, due=due)
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
