"""Building blocks shared by every rule: levels, messages, findings, rule definitions and
the organisation settings that decide how strictly a rule applies.

No rule logic lives here. A rule module describes itself with a `RuleDefinition` and
returns an `Outcome` (a rule-specific result plus findings).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, Literal, Protocol, TypeAlias, TypeVar

JSON: TypeAlias = str | int | float | bool | list["JSON"] | dict[str, "JSON"] | None
Lang = Literal["nb", "nn", "en"]
LANGUAGES: tuple[Lang, ...] = ("nb", "nn", "en")
ParameterValue: TypeAlias = int | str | bool | Decimal | tuple[int, ...] | tuple[str, ...]


class Level(StrEnum):
    """How hard a finding stops the user."""

    BLOCK = "block"  # the step cannot be completed
    WARN = "warn"  # allowed, but a justification must be recorded
    INFO = "info"


class Sector(StrEnum):
    STATE = "state"
    HEALTH_TRUST = "health_trust"
    MUNICIPAL = "municipal"
    PRIVATE = "private"


class RuleKind(StrEnum):
    LAW = "law"
    POLICY = "policy"  # our choice; an organisation may switch it off


@dataclass(frozen=True)
class Messages:
    """One text in the three UI languages."""

    nb: str
    nn: str
    en: str

    def get(self, lang: Lang) -> str:
        text: str = getattr(self, lang)
        return text

    def to_dict(self) -> dict[str, JSON]:
        return {"nb": self.nb, "nn": self.nn, "en": self.en}


@dataclass(frozen=True)
class Finding:
    """One thing a rule has to say about the facts."""

    rule: str
    level: Level
    source: str
    message: Messages
    # Copied from the rule definition so findings can be adjusted without a registry lookup.
    state_only: bool = field(default=False, compare=False)
    kind: RuleKind = field(default=RuleKind.LAW, compare=False)

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "rule": self.rule,
            "level": self.level.value,
            "source": self.source,
            "message": self.message.get(lang),
        }


def parameters_of(parameters: object) -> Mapping[str, ParameterValue]:
    """A read-only mapping of a parameters dataclass, for listing a rule's parameters."""
    if not is_dataclass(parameters) or isinstance(parameters, type):
        raise TypeError("parameters must be a dataclass instance")
    return MappingProxyType(asdict(parameters))


@dataclass(frozen=True)
class RuleDefinition:
    """What a rule is: id, title, legal source, explanation and parameters.

    The /regler/ page is generated from these; the same source string goes into every
    finding the rule produces.
    """

    id: str
    title: Messages
    source: str
    explanation: Messages
    kind: RuleKind
    state_only: bool
    parameters: Mapping[str, ParameterValue] = field(default_factory=lambda: MappingProxyType({}))
    # Ids of the rules a combined (command-line level) rule evaluates together.
    combines: tuple[str, ...] = ()

    def finding(self, level: Level, message: Messages) -> Finding:
        return Finding(
            rule=self.id,
            level=level,
            source=self.source,
            message=message,
            state_only=self.state_only,
            kind=self.kind,
        )

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {
            "id": self.id,
            "title": self.title.get(lang),
            "source": self.source,
            "explanation": self.explanation.get(lang),
            "kind": self.kind.value,
            "state_only": self.state_only,
            "parameters": {key: _json_parameter(value) for key, value in self.parameters.items()},
            "combines": list(self.combines),
        }


def _json_parameter(value: ParameterValue) -> JSON:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


@dataclass(frozen=True)
class OrganisationSettings:
    """The organisation settings the rules depend on."""

    sector: Sector = Sector.STATE
    staff_regulations_allow_12_months: bool = False
    require_nav_checkpoint: bool = True
    disabled_policy_rules: frozenset[str] = frozenset()


DEFAULT_ORGANISATION = OrganisationSettings()

_RECOMMENDATION = Messages(
    nb="Statsansatteloven gjelder ikke for denne virksomheten, så dette er en anbefaling.",
    nn="Statstilsettelova gjeld ikkje for denne verksemda, så dette er ei tilråding.",
    en="The Civil Service Act does not apply to this employer, so this is a recommendation.",
)


def adjust_for_organisation(
    *, findings: Iterable[Finding], organisation: OrganisationSettings
) -> tuple[Finding, ...]:
    """Drop findings of switched-off policy rules; outside the state a state-only rule only
    recommends, so its `block` becomes `warn` and the message says so."""
    adjusted: list[Finding] = []
    for finding in findings:
        if finding.kind is RuleKind.POLICY and finding.rule in organisation.disabled_policy_rules:
            continue
        outside_state = organisation.sector is not Sector.STATE
        if finding.state_only and outside_state and finding.level is Level.BLOCK:
            message = Messages(
                nb=f"{finding.message.nb} {_RECOMMENDATION.nb}",
                nn=f"{finding.message.nn} {_RECOMMENDATION.nn}",
                en=f"{finding.message.en} {_RECOMMENDATION.en}",
            )
            finding = Finding(
                rule=finding.rule,
                level=Level.WARN,
                source=finding.source,
                message=message,
                state_only=True,
                kind=finding.kind,
            )
        adjusted.append(finding)
    return tuple(adjusted)


class Result(Protocol):
    """A rule-specific result; `lang` matters only for results that carry words."""

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]: ...


R = TypeVar("R", bound=Result)


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """What evaluating a rule gives: its result and its findings."""

    result: R
    findings: tuple[Finding, ...]

    @property
    def blocked(self) -> bool:
        return any(finding.level is Level.BLOCK for finding in self.findings)

    def levels(self) -> tuple[Level, ...]:
        return tuple(finding.level for finding in self.findings)

    def report(self, *, rule: RuleDefinition, lang: Lang = "nb") -> dict[str, JSON]:
        """The JSON object of `lim rules eval` (formats/rules-cli.md)."""
        return {
            "rule": rule.id,
            "source": rule.source,
            "result": self.result.to_dict(lang),
            "findings": [finding.to_dict(lang) for finding in self.findings],
        }


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Commercial rounding (0.5 goes up). Python's round() rounds half to even, which
    would pay 0.5 kroner differently from NAV's and the reader's expectation."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
