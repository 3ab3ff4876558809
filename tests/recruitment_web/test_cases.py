"""The case list, opening a case, the case page and the NAV checkpoint."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from lim.core.models import AuditEvent
from lim.recruitment.models import NavCheckpoint, Notification, RecruitmentCase
from tests.recruitment_web.conftest import People, as_user, open_case, url
from tests.worker import run_queued_tasks


def test_case_list_shows_the_users_cases_only(people: People) -> None:
    case = open_case(people)
    page = as_user(people.manager).get(reverse("recruitment:case_list")).content.decode()
    assert case.title in page
    assert "Open a new case" in page
    outsider = as_user(people.outsider).get(reverse("recruitment:case_list")).content.decode()
    assert case.title not in outsider


def test_nav_item_only_for_recruitment_roles(people: People) -> None:
    assert 'href="/saker/"' in as_user(people.manager).get("/").content.decode()
    assert 'href="/saker/"' not in as_user(people.outsider).get("/").content.decode()


def test_manager_opens_a_case_and_the_coordinator_sees_the_new_need(
    people: People, django_capture_on_commit_callbacks: object
) -> None:
    client = as_user(people.manager)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(
            reverse("recruitment:case_open"),
            {
                "unit": people.world.leaf.id,
                "title": "Seniorrådgiver",
                "reason": "replacement",
                "desired_start": "2027-01-04",
            },
        )
    case = RecruitmentCase.objects.get(title="Seniorrådgiver")
    assert response.status_code == 302
    assert response["Location"] == url("case_detail", case)
    assert case.hiring_manager == people.manager
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [[people.coordinator.email]]
    coordinator = as_user(people.coordinator)
    listing = coordinator.get(reverse("recruitment:case_list")).content.decode()
    assert "New recruitment need: Seniorrådgiver" in listing
    page = coordinator.get(url("case_detail", case)).content.decode()
    assert "Record the NAV checkpoint" in page
    notification = Notification.objects.get(case=case)
    coordinator.post(url("notification_read", case, notification_id=notification.id))
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_case_form_refuses_a_unit_where_the_user_has_no_role(people: People) -> None:
    response = as_user(people.manager).post(
        reverse("recruitment:case_open"),
        {"unit": people.world.other_branch.id, "title": "X", "reason": "replacement"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not RecruitmentCase.objects.exists()


def test_outsider_cannot_open_a_case(people: People) -> None:
    response = as_user(people.outsider).post(
        reverse("recruitment:case_open"),
        {"unit": people.world.leaf.id, "title": "X", "reason": "replacement"},
    )
    assert response.status_code == 200
    assert not RecruitmentCase.objects.exists()


def test_case_page_shows_progress_next_step_and_links(people: People) -> None:
    case = open_case(people)
    page = as_user(people.hr).get(url("case_detail", case)).content.decode()
    assert '<li aria-current="step"><strong>Need</strong>' in page
    assert "Record the NAV checkpoint, then write the job analysis." in page
    assert "The inclusion coordinator, then the hiring manager" in page
    assert url("job_analysis", case) in page
    assert url("ad", case) not in page  # not reached yet


def test_coordinator_records_the_nav_checkpoint(people: People) -> None:
    case = open_case(people)
    data = {
        "can_target_group_fill": "yes",
        "ask_nav": "yes",
        "reason": "Oppgavene kan løses med tilrettelegging.",
        "route": "ordinary",
    }
    response = as_user(people.coordinator).post(url("nav_checkpoint", case), data)
    assert response.status_code == 302
    checkpoint = NavCheckpoint.objects.get(case=case)
    assert checkpoint.ask_nav is True
    assert AuditEvent.objects.filter(action="case.nav_checkpoint").count() == 1


def test_checkpoint_form_shows_the_service_error(people: People) -> None:
    case = open_case(people)
    data = {"can_target_group_fill": "yes", "ask_nav": "no", "reason": "  ", "route": "ordinary"}
    response = as_user(people.coordinator).post(url("nav_checkpoint", case), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_union_rep_reads_but_cannot_record_the_checkpoint(people: People) -> None:
    case = open_case(people)
    client = as_user(people.union)
    page = client.get(url("nav_checkpoint", case)).content.decode()
    assert "has not been recorded yet" in page
    assert '<form method="post" novalidate>' not in page
    data = {"can_target_group_fill": "yes", "ask_nav": "yes", "reason": "x", "route": "ordinary"}
    assert client.post(url("nav_checkpoint", case), data).status_code == 404
    assert not NavCheckpoint.objects.exists()


def test_cancel_case_with_reason(people: People) -> None:
    case = open_case(people)
    client = as_user(people.manager)
    assert client.post(url("case_cancel", case), {"reason": ""}).status_code == 200
    response = client.post(url("case_cancel", case), {"reason": "Budsjettet ble kuttet."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.step == "cancelled"
    assert as_user(people.union).post(url("case_cancel", case), {"reason": "x"}).status_code == 404


def test_wrong_methods_are_refused(people: People) -> None:
    case = open_case(people)
    client = as_user(people.manager)
    assert client.post(reverse("recruitment:case_list")).status_code == 405
    assert client.post(url("case_detail", case)).status_code == 405
    assert client.get(url("case_cancel", case)).status_code == 405
    assert client.delete(url("nav_checkpoint", case)).status_code == 405
