"""The ad's own questions: HR asks them in the ad, the applicant answers them in the form,
the assessors read the answers (with the name hidden in blind mode)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lim.core.errors import DomainError
from lim.portal.services import applying
from lim.recruitment.models import Application, JobAd, RecruitmentCase
from tests.portal.conftest import Clock, form_data, post_application
from tests.recruitment.conftest import People, published_case
from tests.recruitment_web.conftest import (
    app_url,
    as_user,
    open_case,
    record_checkpoint,
    url,
    write_analysis,
)

pytestmark = pytest.mark.django_db

QUESTIONS = ("Hvorfor søker du denne stillingen?", "Har du førerkort klasse B?")


@pytest.fixture
def asking_case(people: People, settings: Any, tmp_path: Any) -> RecruitmentCase:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return published_case(people, questions=QUESTIONS, answers_required=True)


def _ad_draft(people: People) -> RecruitmentCase:
    case = open_case(people)
    record_checkpoint(people, case)
    write_analysis(people, case)
    assert as_user(people.hr).post(url("ad_generate", case)).status_code == 302
    return case


def _ad_post(people: People, case: RecruitmentCase, questions: str) -> Any:
    deadline = timezone.localdate() + dt.timedelta(days=14)
    return as_user(people.hr).post(
        url("ad", case),
        {
            "title": "Rådgiver",
            "body": "Vi søker en rådgiver.",
            "deadline": deadline.isoformat(),
            "channels": ["career_site"],
            "questions": questions,
            "answers_required": "on",
        },
    )


def test_hr_asks_questions_in_the_ad_and_sees_them_listed(people: People) -> None:
    case = _ad_draft(people)
    response = _ad_post(people, case, "Hvorfor søker du?\n\n  Har du   førerkort?  \n")
    assert response.status_code == 302
    ad = JobAd.objects.get(case=case)
    assert ad.questions == ["Hvorfor søker du?", "Har du førerkort?"]
    assert ad.answers_required
    page = as_user(people.hr).get(url("ad", case)).content.decode()
    assert "Hvorfor søker du?\nHar du førerkort?" in page  # back in the edit field


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        ("\n".join(f"Spørsmål {n}?" for n in range(11)), "Ask at most 10 questions."),
        ("Kort?\n" + "x" * 301, "Question 2 is longer than 300 characters."),
    ],
)
def test_too_many_or_too_long_questions_are_refused_and_nothing_changes(
    people: People, questions: str, message: str
) -> None:
    case = _ad_draft(people)
    response = _ad_post(people, case, questions)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'href="#id_questions"' in page  # the error summary names the field
    ad = JobAd.objects.get(case=case)
    assert ad.questions == [] and not ad.answers_required


def test_the_form_asks_the_questions_and_keeps_the_answers(
    asking_case: RecruitmentCase, clock: Clock, people: People
) -> None:
    ad = asking_case.ad
    client = Client(headers={"accept-language": "en"})
    # The ad page tells the applicant what the form will ask, to prepare the answers.
    ad_page = client.get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    assert "The application form asks you" in ad_page
    assert "<li>Har du førerkort klasse B?</li>" in ad_page
    assert "Every question must be answered." in ad_page
    page = client.get(reverse("portal:apply", kwargs={"ad_id": ad.pk})).content.decode()
    assert "Questions from the employer" in page
    assert '<label for="id_answer1">Hvorfor søker du denne stillingen?' in page
    assert '<label for="id_answer2">Har du førerkort klasse B?' in page

    response = post_application(
        client, ad, answer1="Jeg liker klagesaker, sier Siri.", answer2="Ja."
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.answers == [
        {"question": QUESTIONS[0], "answer": "Jeg liker klagesaker, sier Siri."},
        {"question": QUESTIONS[1], "answer": "Ja."},
    ]
    detail = app_url("application_detail", application)
    shown = as_user(people.manager).get(detail).content.decode()
    assert "Answers to the ad's questions" in shown
    assert "Jeg liker klagesaker, sier Siri." in shown
    blind = as_user(people.manager).get(detail, {"blind": "on"}).content.decode()
    assert "Jeg liker klagesaker, sier [name]." in blind
    assert "Siri" not in blind


def test_a_required_answer_left_empty_is_named_and_nothing_is_stored(
    asking_case: RecruitmentCase, clock: Clock
) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(client, asking_case.ad, answer1="Fordi.", answer2="   ")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_answer2"' in page
    assert "Fordi." in page  # what was written is kept
    assert not Application.objects.exists()


def test_answers_to_other_questions_than_the_ads_are_refused(
    asking_case: RecruitmentCase, clock: Clock
) -> None:
    data = form_data()
    applicant = applying.Applicant(
        **{
            key: data[key]
            for key in (
                "name",
                "email",
                "phone",
                "address",
                "postal_code",
                "municipality",
                "occupation",
                "gender",
                "education",
                "experience",
                "cover_letter",
            )
        },
        birth_date=dt.date(1990, 5, 17),
        answers=(("Et annet spørsmål?", "Svar"),),
    )
    with pytest.raises(DomainError, match="questions have changed"):
        applying.portal_submit(
            ad=asking_case.ad,
            idempotency_key=data["idempotency_key"],
            applicant=applicant,
            exemption_requested=False,
            exemption_reason="",
            declaration=None,
            uploads=[],
            language="nb",
            link_for=lambda token: token,
        )
    assert not Application.objects.exists()
