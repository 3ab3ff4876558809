"""The allowed transitions of a case's step and of an application's status, as data.

Pure Python (no Django): services ask `can_move` before every change, and the tests
enumerate these tables. Values are the same strings the models store.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final


class Step(StrEnum):
    NEED = "need"
    JOB_ANALYSIS = "job_analysis"
    AD = "ad"
    APPLICATIONS = "applications"
    SELECTION = "selection"
    RECOMMENDATION = "recommendation"
    DECISION = "decision"
    OFFER = "offer"
    ONBOARDING = "onboarding"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Status(StrEnum):
    NEW = "new"
    UNDER_ASSESSMENT = "under_assessment"
    QUALIFIED = "qualified"
    NOT_QUALIFIED = "not_qualified"
    INVITED = "invited"
    INTERVIEWED = "interviewed"
    RECOMMENDED = "recommended"
    OFFERED = "offered"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


STEP_ORDER: Final[tuple[Step, ...]] = (
    Step.NEED,
    Step.JOB_ANALYSIS,
    Step.AD,
    Step.APPLICATIONS,
    Step.SELECTION,
    Step.RECOMMENDATION,
    Step.DECISION,
    Step.OFFER,
    Step.ONBOARDING,
    Step.CLOSED,
)

# Forward one step at a time; a few steps back where the work is redone (the ad is
# rewritten, another candidate is chosen after a declined offer); cancel until closed.
# Routes exempt from announcement go from the job analysis straight to selection, and
# an administrative hire (statsansatteloven § 7) skips the recommendation; the service
# asks lim.rules whether the case's route allows these skips.
CASE_TRANSITIONS: Final[Mapping[Step, frozenset[Step]]] = {
    Step.NEED: frozenset({Step.JOB_ANALYSIS, Step.CANCELLED}),
    Step.JOB_ANALYSIS: frozenset({Step.AD, Step.SELECTION, Step.CANCELLED}),
    Step.AD: frozenset({Step.JOB_ANALYSIS, Step.APPLICATIONS, Step.CANCELLED}),
    Step.APPLICATIONS: frozenset({Step.SELECTION, Step.CANCELLED}),
    Step.SELECTION: frozenset({Step.RECOMMENDATION, Step.DECISION, Step.CANCELLED}),
    Step.RECOMMENDATION: frozenset({Step.SELECTION, Step.DECISION, Step.CANCELLED}),
    Step.DECISION: frozenset({Step.OFFER, Step.RECOMMENDATION, Step.CANCELLED}),
    Step.OFFER: frozenset({Step.ONBOARDING, Step.DECISION, Step.CANCELLED}),
    Step.ONBOARDING: frozenset({Step.CLOSED}),
    Step.CLOSED: frozenset(),
    Step.CANCELLED: frozenset(),
}

# Transitions that skip a step and are allowed only when the route is exempt.
ROUTE_SKIPS: Final[Mapping[tuple[Step, Step], str]] = {
    (Step.JOB_ANALYSIS, Step.SELECTION): "announcement",
    (Step.SELECTION, Step.DECISION): "recommendation",
}

_LEAVE: Final = frozenset({Status.REJECTED, Status.WITHDRAWN})

APPLICATION_TRANSITIONS: Final[Mapping[Status, frozenset[Status]]] = {
    Status.NEW: frozenset({Status.UNDER_ASSESSMENT, Status.QUALIFIED, Status.NOT_QUALIFIED})
    | _LEAVE,
    Status.UNDER_ASSESSMENT: frozenset({Status.QUALIFIED, Status.NOT_QUALIFIED}) | _LEAVE,
    # A new assessment may change the outcome until the applicant is invited. The offer
    # straight from qualified or interviewed is for routes without a recommendation
    # (administrative hire, statsansatteloven § 7); the service checks the route.
    Status.QUALIFIED: frozenset(
        {Status.UNDER_ASSESSMENT, Status.NOT_QUALIFIED, Status.INVITED, Status.OFFERED}
    )
    | _LEAVE,
    Status.NOT_QUALIFIED: frozenset({Status.UNDER_ASSESSMENT, Status.QUALIFIED}) | _LEAVE,
    # An invitation that is called off leaves the applicant qualified.
    Status.INVITED: frozenset({Status.INTERVIEWED, Status.QUALIFIED}) | _LEAVE,
    Status.INTERVIEWED: frozenset({Status.RECOMMENDED, Status.OFFERED}) | _LEAVE,
    Status.RECOMMENDED: frozenset({Status.INTERVIEWED, Status.OFFERED}) | _LEAVE,
    # A declined offer is the applicant's own choice: withdrawn.
    Status.OFFERED: frozenset({Status.HIRED}) | _LEAVE,
    Status.HIRED: frozenset(),
    Status.REJECTED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

# Statuses in which an application still takes part in the case.
ACTIVE_STATUSES: Final[frozenset[Status]] = frozenset(
    status for status in Status if status not in {Status.HIRED, *_LEAVE}
)
# Steps in which applications are received (NAV referrals and HR registration included).
RECEIVING_STEPS: Final[frozenset[Step]] = frozenset({Step.APPLICATIONS, Step.SELECTION})
OPEN_STEPS: Final[frozenset[Step]] = frozenset(
    step for step in Step if step not in {Step.CLOSED, Step.CANCELLED}
)


def can_move_case(current: str, target: str) -> bool:
    """Whether a case may go from step `current` to step `target`."""
    return Step(target) in CASE_TRANSITIONS[Step(current)]


def can_move_application(current: str, target: str) -> bool:
    """Whether an application may go from status `current` to status `target`."""
    return Status(target) in APPLICATION_TRANSITIONS[Status(current)]


def route_exemption_needed(current: str, target: str) -> str | None:
    """The exemption ('announcement' or 'recommendation') a skip needs, if it is one."""
    return ROUTE_SKIPS.get((Step(current), Step(target)))
