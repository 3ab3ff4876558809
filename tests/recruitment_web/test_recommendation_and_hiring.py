"""The recommendation with counts and reminders, union remarks, the PDF, the decision,
the offer and its answer, the hire, onboarding (htmx and plain) and closing."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import translation

from lim.recruitment.models import Application, OnboardingTask, Recommendation
from lim.recruitment.services import interviews
from lim.recruitment.views.recommendation import count_rows
from tests.recruitment_web.conftest import (
    AFTER_DEADLINE,
    People,
    as_user,
    invite,
    published_case,
    selection_case,
    url,
)
from tests.worker import run_queued_tasks


def _interviewed(people: People) -> tuple[object, Application, Application]:
    case, ola, sofie = selection_case(people)
    invite(people, case, [ola, sofie])
    for application in (ola, sofie):
        interview = interviews.interview_schedule(
            actor=people.hr,
            application=application,
            starts_at=AFTER_DEADLINE,
            ends_at=AFTER_DEADLINE + dt.timedelta(hours=1),
            panel=[people.manager],
            place="Møterom 1",
            now=AFTER_DEADLINE,
        )
        interviews.interview_held(actor=people.hr, interview=interview, now=AFTER_DEADLINE)
    return case, ola, sofie


def _ranking(first: Application, second: Application, comment: str) -> dict[str, object]:
    return {
        "ranking-TOTAL_FORMS": "2",
        "ranking-INITIAL_FORMS": "0",
        "ranking-MIN_NUM_FORMS": "0",
        "ranking-MAX_NUM_FORMS": "1000",
        "ranking-0-application": first.id,
        "ranking-0-justification": "Oppfyller alle krav, sterkest i intervju.",
        "ranking-1-application": second.id,
        "ranking-1-justification": "Oppfyller alle krav.",
        "comment": comment,
    }


def test_recommendation_needs_the_comment_then_shows_counts_and_pdf(people: People) -> None:
    case, ola, sofie = _interviewed(people)
    client = as_user(people.manager, "nb")
    blocked = client.post(url("recommendation", case), _ranking(ola, sofie, ""))
    assert blocked.status_code == 200
    assert "error-summary" in blocked.content.decode()
    assert not Recommendation.objects.exists()
    saved = client.post(
        url("recommendation", case),
        _ranking(ola, sofie, "Søkeren med funksjonsnedsettelse er godt kvalifisert."),
    )
    assert saved.status_code == 302
    page = client.get(url("recommendation", case)).content.decode()
    assert "Oppfyller alle krav, sterkest i intervju." in page
    assert "Nedsatt funksjonsevne" in page or "Disability" in page
    assert "statsansatteforskriften" in page  # the equally-qualified reminder and its source
    pdf = client.get(url("recommendation_pdf", case))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_union_rep_adds_a_remark_but_cannot_write_the_recommendation(people: People) -> None:
    case, ola, sofie = _interviewed(people)
    as_user(people.manager).post(url("recommendation", case), _ranking(ola, sofie, "Vurdert."))
    union = as_user(people.union)
    page = union.get(url("recommendation", case)).content.decode()
    assert "Add the remark" in page
    assert "Immigrant background" not in page  # counts cut like the declarations
    response = union.post(url("union_remark", case), {"text": "Enig i rangeringen."})
    assert response.status_code == 302
    assert "Enig i rangeringen." in union.get(url("recommendation", case)).content.decode()
    refused = as_user(people.hr).post(url("union_remark", case), {"text": "Nei"})
    assert "Only the union representatives can add remarks." in refused.content.decode()
    assert union.post(url("recommendation", case), _ranking(ola, sofie, "x")).status_code == 404


def test_from_decision_to_closed_case(
    people: People, django_capture_on_commit_callbacks: object
) -> None:
    case, ola, sofie = _interviewed(people)
    as_user(people.manager).post(url("recommendation", case), _ranking(sofie, ola, "Vurdert."))
    refused = as_user(people.hr).post(url("decision", case), {"chosen": sofie.id, "text": "x"})
    assert "Only the hiring council" in refused.content.decode()
    council = as_user(people.council)
    response = council.post(url("decision", case), {"chosen": sofie.id, "text": "Tilsettes."})
    assert response.status_code == 302
    hr = as_user(people.hr)
    assert (
        hr.post(url("offer", case), {"terms": "Fast stilling, lønnstrinn 60."}).status_code == 302
    )
    assert hr.post(url("offer_response", case), {"accepted": "yes"}).status_code == 302
    response = hr.post(url("hire", case), {"start_date": "2027-01-04"})
    assert response.status_code == 302
    assert response["Location"] == url("onboarding", case)
    assert (
        as_user(people.manager).post(url("onboarding", case), {"buddy": people.hr.id}).status_code
        == 302
    )
    task = OnboardingTask.objects.order_by("due_date", "order").first()
    assert task is not None
    fragment = as_user(people.manager).post(
        url("task_done", case, task_id=task.id), headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    assert fragment.content.decode().lstrip().startswith(f'<tr id="task-{task.id}">')
    assert "Done" in fragment.content.decode()
    plain = as_user(people.manager).post(url("task_done", case, task_id=task.id))
    assert plain.status_code == 302
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        closed = hr.post(url("case_close", case))
    assert closed.status_code == 302
    case.refresh_from_db()  # type: ignore[attr-defined]
    assert case.step == "closed"  # type: ignore[attr-defined]
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [[ola.email]]


def test_read_only_roles_cannot_offer_hire_or_close(people: People) -> None:
    case, _ola, sofie = _interviewed(people)
    union = as_user(people.union)
    assert union.post(url("offer", case), {"terms": "x"}).status_code == 404
    assert union.post(url("hire", case), {"start_date": "2027-01-04"}).status_code == 404
    assert union.post(url("case_close", case)).status_code == 404
    assert union.post(url("onboarding", case), {}).status_code == 404
    decision = union.post(url("decision", case), {"chosen": sofie.id, "text": "x"})
    assert decision.status_code == 200
    assert "error-summary" in decision.content.decode()


def test_immigrant_background_counts_hide_small_groups_only(people: People) -> None:
    """Counts of immigrant-background applicants are shown where the group is as large as
    the organisation's smallest group, and hidden below it; the other groups as they are."""
    case = published_case(people)
    figures = {"declared": 6, "qualified": 5, "interviewed": 2, "ranked": 0}
    counts = {"immigrant_background": figures, "disability": figures, "comment_recorded": True}
    with translation.override("en"):
        rows = {str(r["label"]): r for r in count_rows(people.hr, case, counts) or []}
    hidden = "hidden (group under 5)"
    assert [rows["Immigrant background"][k] for k in figures] == [6, 5, hidden, hidden]
    assert [rows["Disability"][k] for k in figures] == [6, 5, 2, 0]
