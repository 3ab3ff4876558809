"""The screening list: filters, sorting, blind mode, bulk actions, registering an
application (NAV-referred too), starting the selection, and the query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lim.core.models import AuditEvent
from lim.recruitment.models import Application
from lim.recruitment.services import applications
from tests.recruitment_web.conftest import (
    NOW,
    People,
    app_url,
    apply,
    as_user,
    published_case,
    url,
)


def _register_data(**extra: str) -> dict[str, str]:
    return {
        "source": "hr",
        "name": "Kari Hansen",
        "email": "kari@example.org",
        "gender": "woman",
        "language": "nn",
        "cover_letter": "Eg heiter Kari Hansen.",
        **extra,
    }


def test_hr_registers_a_nav_referred_application_with_declaration(people: People) -> None:
    case = published_case(people)
    client = as_user(people.hr)
    missing = client.post(url("application_register", case), _register_data(source="nav"))
    assert missing.status_code == 200
    assert 'href="#id_nav_contact"' in missing.content.decode()
    response = client.post(
        url("application_register", case),
        _register_data(source="nav", nav_contact="NAV Bergen, Kari Veileder", disability="on"),
    )
    assert response.status_code == 302
    application = Application.objects.get(email="kari@example.org")
    assert application.source == "nav"
    assert application.declaration.disability is True
    duplicate = client.post(url("application_register", case), _register_data())
    assert "already been received" in duplicate.content.decode()


def test_list_filters_and_sorts(people: People) -> None:
    case = published_case(people)
    apply(case, "Ola Nordmann")
    apply(case, "Bente Berg", source="nav")
    client = as_user(people.hr)
    page = client.get(url("applicant_list", case), {"source": "nav"}).content.decode()
    assert "Bente Berg" in page
    assert "Ola Nordmann" not in page
    page = client.get(url("applicant_list", case), {"sort": "name"}).content.decode()
    assert page.index("Bente Berg") < page.index("Ola Nordmann")
    page = client.get(url("applicant_list", case), {"qualified": "yes"}).content.decode()
    assert "No applications match." in page


def test_blind_mode_hides_names_and_gender_in_the_list(people: People) -> None:
    case = published_case(people)
    applications.application_create(
        actor=None,
        case=case,
        name="Sofie Dahl",
        email="sofie@example.org",
        gender="woman",
        birth_date=dt.date(1985, 5, 1),
        municipality="Bergen",
        now=NOW,
    )
    client = as_user(people.manager)
    seen = client.get(url("applicant_list", case)).content.decode()
    assert "Sofie Dahl" in seen
    assert "Woman" in seen
    blind = client.get(url("applicant_list", case), {"blind": "on"}).content.decode()
    assert "Sofie" not in blind
    assert "Dahl" not in blind
    assert "Woman" not in blind
    assert "Bergen" not in blind
    assert "Applicant " in blind


def test_bulk_start_assessment_and_reject_with_reason(people: People) -> None:
    case = published_case(people)
    a, b, c = (apply(case, n) for n in ("Ola Nordmann", "Kari Hansen", "Per Hansen"))
    client = as_user(people.hr)
    response = client.post(
        url("applicant_bulk", case),
        {"action": "start_assessment", "applications": [a.id, b.id], "query": "sort=name"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?sort=name")
    no_reason = client.post(
        url("applicant_bulk", case), {"action": "reject", "applications": [c.id]}
    )
    assert no_reason.status_code == 200
    assert "Choose a reason for the rejection." in no_reason.content.decode()
    client.post(
        url("applicant_bulk", case),
        {"action": "reject", "reason": "not_qualified", "applications": [c.id]},
    )
    statuses = dict(Application.objects.values_list("name", "status"))
    assert statuses == {
        "Ola Nordmann": "under_assessment",
        "Kari Hansen": "under_assessment",
        "Per Hansen": "rejected",
    }
    assert AuditEvent.objects.filter(action="application.status").count() == 3


def test_bulk_action_is_refused_for_read_only_and_other_cases(people: People) -> None:
    case = published_case(people)
    a = apply(case, "Ola Nordmann")
    data = {"action": "start_assessment", "applications": [a.id]}
    assert as_user(people.union).post(url("applicant_bulk", case), data).status_code == 404
    assert as_user(people.outsider).get(url("applicant_list", case)).status_code == 404
    a.refresh_from_db()
    assert a.status == "new"


def test_selection_starts_after_the_deadline(people: People) -> None:
    case = published_case(people)
    response = as_user(people.hr).post(url("selection_start", case))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.step == "selection"


@pytest.mark.parametrize("blind", ["", "on"])
def test_applicant_list_query_count_does_not_grow_with_applications(
    people: People, django_assert_max_num_queries: object, blind: str
) -> None:
    case = published_case(people)
    now = timezone.now()
    Application.objects.bulk_create(
        Application(
            case=case,
            name=f"Søker {n}",
            email=f"s{n}@example.org",
            submitted_at=now,
            status_changed_at=now,
        )
        for n in range(600)
    )
    client = as_user(people.manager)
    client.get(url("applicant_list", case))  # warm the session
    with django_assert_max_num_queries(15):  # type: ignore[operator]
        response = client.get(url("applicant_list", case), {"blind": blind, "side": "3"})
    assert response.status_code == 200
    assert response.content.decode().count('name="applications"') == 50


def test_organisation_requires_blind_screening_until_the_interview_list(people: People) -> None:
    from lim.core.services import organisation_update
    from tests.recruitment.conftest import assess, in_selection, invite

    organisation_update(
        actor=people.world.admin,
        organisation=people.world.organisation,
        blind_screening_until="interview_list",
    )
    case = published_case(people)
    sofie = apply(case, "Sofie Dahl")
    client = as_user(people.manager)
    page = client.get(url("applicant_list", case)).content.decode()
    assert "Sofie" not in page
    assert "turn blind mode off" not in page
    detail = client.get(app_url("application_detail", sofie)).content.decode()
    assert "Sofie" not in detail
    # Once the interview list is final, the panel must know whom they meet.
    in_selection(people, case)
    sofie = assess(people, sofie, qualified=True)
    invite(people, case, [sofie])
    assert "Sofie Dahl" in client.get(url("applicant_list", case)).content.decode()


def test_hr_finds_the_public_applicant_list_from_the_applicants(people: People) -> None:
    from django.urls import reverse

    case = published_case(people)
    link = reverse("portal:applicant_list", kwargs={"case_id": case.id})
    extended = reverse("portal:extended_list", kwargs={"case_id": case.id})
    page = as_user(people.hr).get(url("applicant_list", case)).content.decode()
    assert f'href="{link}"' in page and f'href="{extended}"' in page
    # The union representative reads the case: the extended list, not the HR page.
    page = as_user(people.world.colleague).get(url("applicant_list", case)).content.decode()
    assert f'href="{link}"' not in page and f'href="{extended}"' in page
    assert as_user(people.hr).get(link).status_code == 200
