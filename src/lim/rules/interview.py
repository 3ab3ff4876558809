"""The interview duty for the target groups (statsansatteforskriften §§ 4 and 4a second
paragraph).

If at least one applicant who declared a group is assessed as qualified, at least one of
them must be invited to interview; each group is checked on its own. `invited` in the
result counts the qualified applicants of the group who were invited, because only they
fulfil the duty.
"""

from __future__ import annotations

from collections.abc import Iterable
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
from lim.rules.target_groups import TARGET_GROUPS, Declaration

SEL_INTERVIEW_DISABILITY = RuleDefinition(
    id="SEL-INTERVIEW-DISABILITY",
    title=Messages(
        nb="Intervjuplikt: nedsatt funksjonsevne",
        nn="Intervjuplikt: nedsett funksjonsevne",
        en="Interview duty: disability",
    ),
    source="statsansatteforskriften § 4 andre ledd",
    explanation=Messages(
        nb=(
            "Når minst én søker som har oppgitt nedsatt funksjonsevne, er vurdert som "
            "kvalifisert, skal minst én av dem kalles inn til intervju. Intervjulisten kan "
            "ikke ferdigstilles før dette er oppfylt."
        ),
        nn=(
            "Når minst éin søkjar som har oppgitt nedsett funksjonsevne, er vurdert som "
            "kvalifisert, skal minst éin av dei kallast inn til intervju. Intervjulista kan "
            "ikkje ferdigstillast før dette er oppfylt."
        ),
        en=(
            "When at least one applicant who declared a disability is assessed as qualified, "
            "at least one of them must be invited to interview. The interview list cannot be "
            "finalised until this is met."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
)

SEL_INTERVIEW_CVGAP = RuleDefinition(
    id="SEL-INTERVIEW-CVGAP",
    title=Messages(
        nb="Intervjuplikt: hull i CV-en",
        nn="Intervjuplikt: hol i CV-en",
        en="Interview duty: gap in the CV",
    ),
    source="statsansatteforskriften § 4a andre ledd",
    explanation=Messages(
        nb=(
            "Når minst én søker som har oppgitt hull i CV-en, er vurdert som kvalifisert, skal "
            "minst én av dem kalles inn til intervju. Plikten gjelder uavhengig av plikten "
            "for søkere med nedsatt funksjonsevne."
        ),
        nn=(
            "Når minst éin søkjar som har oppgitt hol i CV-en, er vurdert som kvalifisert, skal "
            "minst éin av dei kallast inn til intervju. Plikta gjeld uavhengig av plikta for "
            "søkjarar med nedsett funksjonsevne."
        ),
        en=(
            "When at least one applicant who declared a gap in the CV is assessed as "
            "qualified, at least one of them must be invited to interview. This duty applies "
            "independently of the duty for applicants with a disability."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
)

SEL_INTERVIEW = RuleDefinition(
    id="SEL-INTERVIEW",
    title=Messages(
        nb="Intervjuplikt for målgruppene",
        nn="Intervjuplikt for målgruppene",
        en="Interview duty for the target groups",
    ),
    source="statsansatteforskriften §§ 4 og 4a andre ledd",
    explanation=Messages(
        nb=(
            "Sjekker intervjuplikten for begge målgruppene samtidig: nedsatt funksjonsevne og "
            "hull i CV-en. Hver gruppe vurderes for seg, og hver gruppe der plikten ikke er "
            "oppfylt, stopper intervjulisten."
        ),
        nn=(
            "Sjekkar intervjuplikta for begge målgruppene samtidig: nedsett funksjonsevne og "
            "hol i CV-en. Kvar gruppe blir vurdert for seg, og kvar gruppe der plikta ikkje er "
            "oppfylt, stoppar intervjulista."
        ),
        en=(
            "Checks the interview duty for both target groups at once: disability and gap in "
            "the CV. Each group is assessed on its own, and every group whose duty is not met "
            "stops the interview list."
        ),
    ),
    kind=RuleKind.LAW,
    state_only=True,
    combines=(SEL_INTERVIEW_DISABILITY.id, SEL_INTERVIEW_CVGAP.id),
)

_RULE_FOR_GROUP = {
    Declaration.DISABILITY: SEL_INTERVIEW_DISABILITY,
    Declaration.CV_GAP: SEL_INTERVIEW_CVGAP,
}
_GROUP_PHRASE = {
    Declaration.DISABILITY: Messages(
        nb="nedsatt funksjonsevne", nn="nedsett funksjonsevne", en="a disability"
    ),
    Declaration.CV_GAP: Messages(nb="hull i CV-en", nn="hol i CV-en", en="a gap in the CV"),
}


@dataclass(frozen=True)
class SelectionApplicant:
    """An applicant as the selection rules see them."""

    id: str
    qualified: bool
    declared: frozenset[Declaration] = frozenset()
    invited: bool = False


@dataclass(frozen=True)
class GroupInterview:
    qualified: int
    invited: int

    @property
    def satisfied(self) -> bool:
        return self.qualified == 0 or self.invited >= 1

    def to_dict(self) -> dict[str, JSON]:
        return {"qualified": self.qualified, "invited": self.invited, "satisfied": self.satisfied}


@dataclass(frozen=True)
class InterviewDutyResult:
    disability: GroupInterview
    cv_gap: GroupInterview

    @property
    def satisfied(self) -> bool:
        return self.disability.satisfied and self.cv_gap.satisfied

    def to_dict(self, lang: Lang = "nb") -> dict[str, JSON]:
        return {"disability": self.disability.to_dict(), "cv_gap": self.cv_gap.to_dict()}


def count_group(*, applicants: Iterable[SelectionApplicant], group: Declaration) -> GroupInterview:
    qualified = [a for a in applicants if group in a.declared and a.qualified]
    return GroupInterview(qualified=len(qualified), invited=sum(a.invited for a in qualified))


def check_interview_duty(
    *,
    applicants: Iterable[SelectionApplicant],
    organisation: OrganisationSettings = DEFAULT_ORGANISATION,
) -> Outcome[InterviewDutyResult]:
    """SEL-INTERVIEW: one `block` finding per target group whose duty is not met."""
    applicants = tuple(applicants)
    groups = {group: count_group(applicants=applicants, group=group) for group in TARGET_GROUPS}
    findings = []
    for group, counts in groups.items():
        if counts.satisfied:
            continue
        phrase, q = _GROUP_PHRASE[group], counts.qualified
        plural = "" if q == 1 else "e"
        findings.append(
            _RULE_FOR_GROUP[group].finding(
                Level.BLOCK,
                Messages(
                    nb=f"Minst én kvalifisert søker som har oppgitt {phrase.nb}, må kalles inn "
                    f"til intervju ({q} kvalifisert{plural}, 0 innkalt).",
                    nn=f"Minst éin kvalifisert søkjar som har oppgitt {phrase.nn}, må kallast "
                    f"inn til intervju ({q} kvalifisert{plural}, 0 kalla inn).",
                    en=f"At least one qualified applicant who declared {phrase.en} must be "
                    f"invited to interview ({q} qualified, 0 invited).",
                ),
            )
        )
    result = InterviewDutyResult(
        disability=groups[Declaration.DISABILITY], cv_gap=groups[Declaration.CV_GAP]
    )
    return Outcome(result, adjust_for_organisation(findings=findings, organisation=organisation))
