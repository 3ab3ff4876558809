"""The state machine, enumerated: every allowed transition and a sample of forbidden ones."""

from __future__ import annotations

import pytest

from lim.recruitment import states
from lim.recruitment.models import ApplicationStatus, CaseStep
from lim.recruitment.states import Status, Step

CASE_ALLOWED = (
    [
        ("need", "job_analysis"),
        ("job_analysis", "ad"),
        ("job_analysis", "selection"),  # route exempt from announcement
        ("ad", "job_analysis"),
        ("ad", "applications"),
        ("applications", "selection"),
        ("selection", "recommendation"),
        ("selection", "decision"),  # route exempt from the recommendation
        ("recommendation", "selection"),
        ("recommendation", "decision"),
        ("decision", "offer"),
        ("decision", "recommendation"),
        ("offer", "onboarding"),
        ("offer", "decision"),  # declined offer
        ("onboarding", "closed"),
    ]
    + [(step, "cancelled") for step in states.STEP_ORDER[:-2]]
)

CASE_FORBIDDEN = [
    ("need", "ad"),
    ("need", "applications"),
    ("ad", "selection"),
    ("applications", "recommendation"),
    ("selection", "offer"),
    ("decision", "onboarding"),
    ("onboarding", "cancelled"),
    ("closed", "need"),
    ("closed", "cancelled"),
    ("cancelled", "need"),
    ("offer", "closed"),
]

APPLICATION_ALLOWED = [
    ("new", "under_assessment"),
    ("new", "qualified"),
    ("new", "not_qualified"),
    ("under_assessment", "qualified"),
    ("under_assessment", "not_qualified"),
    ("qualified", "under_assessment"),
    ("qualified", "not_qualified"),
    ("qualified", "invited"),
    ("qualified", "offered"),
    ("not_qualified", "under_assessment"),
    ("not_qualified", "qualified"),
    ("invited", "interviewed"),
    ("invited", "qualified"),
    ("interviewed", "recommended"),
    ("interviewed", "offered"),
    ("recommended", "interviewed"),
    ("recommended", "offered"),
    ("offered", "hired"),
] + [
    (status, leave)
    for status in (
        "new",
        "under_assessment",
        "qualified",
        "not_qualified",
        "invited",
        "interviewed",
        "recommended",
        "offered",
    )
    for leave in ("rejected", "withdrawn")
]

APPLICATION_FORBIDDEN = [
    ("new", "invited"),
    ("new", "hired"),
    ("not_qualified", "invited"),
    ("under_assessment", "interviewed"),
    ("invited", "recommended"),
    ("interviewed", "hired"),
    ("hired", "rejected"),
    ("hired", "withdrawn"),
    ("rejected", "new"),
    ("withdrawn", "new"),
    ("withdrawn", "qualified"),
    ("rejected", "withdrawn"),
]


@pytest.mark.parametrize(("current", "target"), CASE_ALLOWED)
def test_case_transition_allowed(current: str, target: str) -> None:
    assert states.can_move_case(current, target)


@pytest.mark.parametrize(("current", "target"), CASE_FORBIDDEN)
def test_case_transition_forbidden(current: str, target: str) -> None:
    assert not states.can_move_case(current, target)


def test_case_table_is_exactly_the_enumerated_transitions() -> None:
    table = {(a.value, b.value) for a, targets in states.CASE_TRANSITIONS.items() for b in targets}
    assert table == set(CASE_ALLOWED)


@pytest.mark.parametrize(("current", "target"), APPLICATION_ALLOWED)
def test_application_transition_allowed(current: str, target: str) -> None:
    assert states.can_move_application(current, target)


@pytest.mark.parametrize(("current", "target"), APPLICATION_FORBIDDEN)
def test_application_transition_forbidden(current: str, target: str) -> None:
    assert not states.can_move_application(current, target)


def test_application_table_is_exactly_the_enumerated_transitions() -> None:
    table = {
        (a.value, b.value) for a, targets in states.APPLICATION_TRANSITIONS.items() for b in targets
    }
    assert table == set(APPLICATION_ALLOWED)


def test_finished_cases_and_applications_go_nowhere() -> None:
    assert not states.CASE_TRANSITIONS[Step.CLOSED]
    assert not states.CASE_TRANSITIONS[Step.CANCELLED]
    for status in (Status.HIRED, Status.REJECTED, Status.WITHDRAWN):
        assert not states.APPLICATION_TRANSITIONS[status]


def test_skips_name_the_exemption_the_route_needs() -> None:
    assert states.route_exemption_needed("job_analysis", "selection") == "announcement"
    assert states.route_exemption_needed("selection", "decision") == "recommendation"
    assert states.route_exemption_needed("need", "job_analysis") is None


def test_model_choices_match_the_state_machine() -> None:
    assert set(CaseStep.values) == {s.value for s in Step}
    assert set(ApplicationStatus.values) == {s.value for s in Status}
