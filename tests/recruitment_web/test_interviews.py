"""The interview list with the interview duty, scheduling, the .ics file, the guide's
scores and reference checks."""

from __future__ import annotations

from lim.recruitment.models import Application, Interview, ReferenceCheck
from lim.recruitment.services import interviews
from lim.recruitment.services.interviews import REFERENCE_QUESTIONS
from tests.recruitment_web.conftest import (
    AFTER_DEADLINE,
    People,
    app_url,
    as_user,
    invite,
    selection_case,
    url,
)


def _statuses() -> dict[str, str]:
    return dict(Application.objects.values_list("name", "status"))


def test_finalising_without_the_declared_applicant_is_blocked_with_the_legal_source(
    people: People,
) -> None:
    case, ola, sofie = selection_case(people)
    client = as_user(people.manager, "nb")
    response = client.post(url("interview_list", case), {"invited": [ola.id]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in page
    assert "statsansatteforskriften § 4 andre ledd" in page
    assert _statuses() == {"Ola Nordmann": "qualified", "Sofie Dahl": "qualified"}
    # The correction: invite her too.
    response = client.post(url("interview_list", case), {"invited": [ola.id, sofie.id]})
    assert response.status_code == 302
    assert _statuses() == {"Ola Nordmann": "invited", "Sofie Dahl": "invited"}


def test_union_rep_reads_the_list_but_cannot_finalise(people: People) -> None:
    case, ola, sofie = selection_case(people)
    client = as_user(people.union)
    assert client.get(url("interview_list", case)).status_code == 200
    data = {"invited": [ola.id, sofie.id]}
    assert client.post(url("interview_list", case), data).status_code == 404


def _scheduled(people: People) -> Interview:
    case, ola, sofie = selection_case(people)
    invite(people, case, [ola, sofie])
    client = as_user(people.hr)
    response = client.post(
        app_url("interview_schedule", sofie),
        {
            "starts_at": "2026-12-01T10:00",
            "ends_at": "2026-12-01T11:00",
            "video_link": "https://meet.example/abc",
            "panel": [people.manager.id, people.union.id],
        },
    )
    assert response.status_code == 302
    return Interview.objects.get(application=sofie)


def test_schedule_and_download_the_calendar_file(people: People) -> None:
    interview = _scheduled(people)
    case = interview.application.case
    response = as_user(people.manager).get(url("interview_ics", case, interview_id=interview.id))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART:20261201T" in body
    assert "Sofie" not in body  # the summary names the position, never the applicant


def test_schedule_needs_place_or_link(people: People) -> None:
    case, ola, sofie = selection_case(people)
    invite(people, case, [ola, sofie])
    response = as_user(people.hr).post(
        app_url("interview_schedule", sofie),
        {"starts_at": "2026-12-01T10:00", "ends_at": "2026-12-01T11:00", "panel": [people.hr.id]},
    )
    assert "Give a place or a video link." in response.content.decode()


def test_panel_member_scores_and_accommodation_answer_is_kept(people: People) -> None:
    interview = _scheduled(people)
    case = interview.application.case
    interviews.interview_guide_generate(actor=people.manager, case=case, now=AFTER_DEADLINE)
    criteria = list(case.interview_criteria.all())
    data = {f"score_{c.id}": "4" for c in criteria}
    page_url = url("interview_scores", case, interview_id=interview.id)
    assert as_user(people.manager).post(page_url, data).status_code == 302
    refused = as_user(people.hr).post(page_url, data)
    assert "Only the interview panel can score." in refused.content.decode()
    page = as_user(people.manager).get(url("interview_detail", case, interview_id=interview.id))
    assert "Your scores" in page.content.decode()
    as_user(people.hr).post(
        url("interview_accommodation", case, interview_id=interview.id),
        {"answer": "Trenger rullestoltilgang"},
    )
    interview.refresh_from_db()
    assert interview.accommodation_answer == "Trenger rullestoltilgang"
    held = as_user(people.hr).post(url("interview_held", case, interview_id=interview.id))
    assert held.status_code == 302
    assert _statuses()["Sofie Dahl"] == "interviewed"


def test_reference_check_from_the_template(people: People) -> None:
    interview = _scheduled(people)
    application = interview.application
    data = {"referee_name": "Kari Leder", "referee_relation": "Tidligere leder"}
    data.update({f"answer_{i}": "Svar" for i in range(len(REFERENCE_QUESTIONS))})
    response = as_user(people.manager).post(app_url("reference_check", application), data)
    assert response.status_code == 302
    check = ReferenceCheck.objects.get()
    assert len(check.answers) == len(REFERENCE_QUESTIONS)
    assert (
        as_user(people.union).post(app_url("reference_check", application), data).status_code == 404
    )
