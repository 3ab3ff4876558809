"""Access by role and unit, and the special-category declarations (GDPR art. 9)."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from lim.core.models import AuditEvent
from lim.recruitment.access import get_case_for_user
from lim.recruitment.selectors import (
    cases_for_user,
    declaration_for_user,
    target_group_counts_for_user,
)
from lim.recruitment.services import applications
from lim.recruitment.services.applications import AbsencePeriod, DeclarationInput
from tests.recruitment.conftest import NOW, People, apply, open_case, published_case


def test_outsider_gets_404_like_a_missing_case(people: People) -> None:
    case = open_case(people)
    with pytest.raises(Http404):
        get_case_for_user(people.outsider, case.id)
    with pytest.raises(Http404):
        get_case_for_user(people.manager, uuid.uuid4())
    with pytest.raises(Http404):
        get_case_for_user(people.manager, "not-a-uuid")
    assert list(cases_for_user(user=people.outsider)) == []


def test_union_representative_reads_but_cannot_write(people: People) -> None:
    case = open_case(people)
    assert get_case_for_user(people.union, case.id) == case
    with pytest.raises(Http404):
        get_case_for_user(people.union, case.id, need="write")
    assert get_case_for_user(people.hr, case.id, need="write") == case
    assert get_case_for_user(people.manager, case.id, need="write") == case
    assert [c.id for c in cases_for_user(user=people.union)] == [case.id]


def test_inclusion_coordinator_writes_only_the_nav_checkpoint(people: People) -> None:
    case = open_case(people)
    assert get_case_for_user(people.coordinator, case.id, need="nav_checkpoint") == case
    with pytest.raises(Http404):
        get_case_for_user(people.coordinator, case.id, need="write")
    with pytest.raises(Http404):
        get_case_for_user(people.council, case.id, need="nav_checkpoint")


def _declared(people: People):  # type: ignore[no-untyped-def]
    case = published_case(people)
    return applications.application_create(
        actor=None,
        case=case,
        name="Jonas Lie",
        email="jonas@example.org",
        declaration=DeclarationInput(
            disability=True,
            cv_gap_periods=[
                AbsencePeriod(
                    start=NOW.date().replace(year=2022),
                    end=NOW.date().replace(year=2024),
                    cause="imprisonment",
                )
            ],
            immigrant_background=True,
            consent_statistics=True,
        ),
        now=NOW,
    )


def test_declaration_view_is_audited_for_those_who_need_it(people: People) -> None:
    application = _declared(people)
    for user in (people.manager, people.hr, people.coordinator):
        view = declaration_for_user(user=user, application=application)
        assert view.scope == "full"
        assert view.cv_gap is True
        assert view.cv_gap_periods and view.cv_gap_periods[0]["cause"] == "imprisonment"
    events = AuditEvent.objects.filter(action="declaration.view")
    assert {e.actor for e in events} == {people.manager, people.hr, people.coordinator}
    assert all(e.object_id == str(application.id) for e in events)


def test_immigrant_background_only_for_the_inclusion_coordinator_audited(
    people: People,
) -> None:
    """Ethnic origin (GDPR art. 9) per named applicant only for the role that acts on the
    interview duty for it (SPH 2.3.2.3); the audit entry says it was shown."""
    application = _declared(people)
    for user in (people.manager, people.hr, people.union):
        assert declaration_for_user(user=user, application=application).immigrant_background is None
    shown = declaration_for_user(user=people.coordinator, application=application)
    assert shown.immigrant_background is True
    events = AuditEvent.objects.filter(action="declaration.view")
    assert [e.details.get("immigrant_background") for e in events.order_by("id")] == [
        None,
        None,
        None,
        True,
    ]


def test_union_representative_sees_only_whether_groups_are_declared(people: People) -> None:
    application = _declared(people)
    view = declaration_for_user(user=people.union, application=application)
    assert (view.disability, view.cv_gap) == (True, True)
    assert view.cv_gap_periods is None and view.cv_gap_result is None
    assert view.immigrant_background is None
    event = AuditEvent.objects.get(action="declaration.view")
    assert event.details == {"scope": "existence"}


def test_declaration_refused_for_roles_without_need_and_refusal_logged(people: People) -> None:
    application = _declared(people)
    for user in (people.council, people.outsider):
        with pytest.raises(PermissionDenied):
            declaration_for_user(user=user, application=application)
    assert not AuditEvent.objects.filter(action="declaration.view").exists()
    assert AuditEvent.objects.filter(action="declaration.refused").count() == 2


def test_counts_only_for_those_who_may_see_declarations(people: People) -> None:
    application = _declared(people)
    apply(application.case, "Ola Nordmann")
    full = target_group_counts_for_user(user=people.hr, case=application.case)
    assert full is not None and full["immigrant_background"]["declared"] == 1
    partial = target_group_counts_for_user(user=people.union, case=application.case)
    assert partial is not None and set(partial) == {"disability", "cv_gap"}
    assert target_group_counts_for_user(user=people.council, case=application.case) is None
    assert target_group_counts_for_user(user=people.outsider, case=application.case) is None
