"""The public applicant list: exemptions decided one by one, the refused told first,
the list published on the ad page, and published names kept."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lim.core.models import AuditEvent
from lim.portal.models import ApplicantListPublication, PortalSubmission
from lim.recruitment.models import Application, JobAd
from tests.conftest import client_for
from tests.portal.conftest import AFTER_DEADLINE, Clock, People, committed, post_application
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def _apply_three(ad: JobAd) -> dict[str, Application]:
    people = {
        "anne": {"name": "Anne Åpen", "email": "anne@example.org", "gender": "woman"},
        "bo": {
            "name": "Bo Beskyttet",
            "email": "bo@example.org",
            "gender": "man",
            "exemption_requested": "on",
            "exemption_reason": "Arbeidsgiveren min vet ikke at jeg søker.",
        },
        "cato": {
            "name": "Cato Avslått",
            "email": "cato@example.org",
            "gender": "",
            "occupation": "Saksbehandler",
            "exemption_requested": "on",
            "exemption_reason": "Jeg vil helst ikke.",
        },
    }
    for data in people.values():
        assert post_application(Client(), ad, **data).status_code == 302
    return {key: Application.objects.get(email=data["email"]) for key, data in people.items()}


def _decide(client: Client, application: Application, decision: str, why: str) -> None:
    url = reverse(
        "portal:exemption_decide",
        kwargs={"case_id": application.case_id, "application_id": application.pk},
    )
    response = committed(lambda: client.post(url, {"decision": decision, "justification": why}))
    assert response.status_code == 302


def _publish(client: Client, ad: JobAd) -> None:
    url = reverse("portal:applicant_list_publish", kwargs={"case_id": ad.case_id})
    assert client.post(url).status_code == 302


def test_exemptions_decided_refused_told_first_and_list_published(
    people: People, ad: JobAd, clock: Clock
) -> None:
    applicants = _apply_three(ad)
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    hr = client_for(people.hr, "en")
    page_url = reverse("portal:applicant_list", kwargs={"case_id": ad.case_id})
    page = hr.get(page_url)
    assert page.status_code == 200
    assert "Bo Beskyttet" in page.content.decode()

    clock.set(AFTER_DEADLINE)
    hr = client_for(people.hr, "en")  # a new session: the old one expired with the clock
    # Undecided requests block publication.
    _publish(hr, ad)
    assert not ApplicantListPublication.objects.exists()

    _decide(hr, applicants["bo"], "granted", "Søkerens arbeidssituasjon veier tyngst her.")
    assert mail.outbox == []  # a granted request needs no warning
    _decide(hr, applicants["cato"], "refused", "Stillingen har stor offentlig interesse.")
    # The refused applicant is told at once, with a private link to withdraw.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["cato@example.org"]
    # Cato's language is nb (the form was in English for HR only): the date in bokmål.
    assert "Listen blir ikke offentliggjort før 26. mars 2026" in mail.outbox[0].body
    link = re.search(r"http://testserver(/stillinger/kvittering/\S+/)", mail.outbox[0].body)
    assert link is not None
    receipt = Client(headers={"accept-language": "en"}).get(link.group(1))
    assert "is refused" in receipt.content.decode()
    assert PortalSubmission.objects.get(application=applicants["cato"]).exemption_notified_at

    # Cato gets the organisation's waiting period (3 days) to withdraw.
    clock.set(AFTER_DEADLINE + dt.timedelta(days=3))
    hr = client_for(people.hr, "en")
    _publish(hr, ad)
    publication = ApplicantListPublication.objects.get()
    names = [entry["name"] for entry in publication.entries]
    assert names == ["Anne Åpen", "Cato Avslått"]
    assert publication.total == 3
    assert publication.exempted == 1
    assert publication.by_gender == {"female": 1, "male": 1, "other": 0, "unknown": 1}
    assert publication.entries[1]["position"] == "Saksbehandler"
    assert publication.entries[0]["municipality"] == "Bergen"
    assert "birth" not in str(publication.entries)
    assert AuditEvent.objects.filter(action="applicant_list.publish").count() == 1

    ad_page = Client(headers={"accept-language": "en"}).get(
        reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})
    )
    html = ad_page.content.decode()
    assert "Public applicant list" in html
    assert "Anne Åpen" in html and "Cato Avslått" in html
    assert "Bo Beskyttet" not in html
    assert "<td>35</td>" in html  # age, not the date of birth
    assert "17.05.1990" not in html and "1990-05-17" not in html

    # Once published, a name stays even if the applicant withdraws.
    assert committed(lambda: Client().post(f"{link.group(1)}trekk/", {"confirm": "on"}))
    assert not Application.objects.filter(email="cato@example.org").exists()
    html = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    assert "Cato Avslått" in html


def test_no_list_before_the_deadline(people: People, ad: JobAd, clock: Clock) -> None:
    post_application(Client(), ad)
    hr = client_for(people.hr, "en")
    _publish(hr, ad)
    assert not ApplicantListPublication.objects.exists()
    page = hr.get(reverse("portal:applicant_list", kwargs={"case_id": ad.case_id}))
    assert "until the original deadline" in page.content.decode()


def test_a_decision_needs_a_justification(people: People, ad: JobAd, clock: Clock) -> None:
    applicants = _apply_three(ad)
    hr = client_for(people.hr, "en")
    _decide(hr, applicants["bo"], "granted", "  ")
    assert PortalSubmission.objects.get(application=applicants["bo"]).exemption_decision == ""


def test_outsiders_and_the_public_cannot_reach_the_hr_page(
    people: People, ad: JobAd, clock: Clock
) -> None:
    applicants = _apply_three(ad)
    url = reverse("portal:applicant_list", kwargs={"case_id": ad.case_id})
    assert client_for(people.outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page
    decide = reverse(
        "portal:exemption_decide",
        kwargs={"case_id": ad.case_id, "application_id": applicants["bo"].pk},
    )
    response = client_for(people.outsider).post(
        decide, {"decision": "granted", "justification": "x"}
    )
    assert response.status_code == 404
    assert client_for(people.hr).get(decide).status_code == 405


def test_an_application_registered_without_a_birth_date_is_listed_without_an_age(
    people: People, ad: JobAd, clock: Clock
) -> None:
    from lim.recruitment.services.applications import application_create

    post_application(Client(), ad)
    application_create(
        actor=people.hr,
        case=ad.case,
        name="Per Papir",
        email="per@example.org",
        source="hr",
        municipality="Voss",
    )
    clock.set(AFTER_DEADLINE)
    _publish(client_for(people.hr, "en"), ad)
    publication = ApplicantListPublication.objects.get()
    assert publication.total == 2
    assert [(e["name"], e["age"]) for e in publication.entries] == [
        ("Per Papir", None),
        ("Siri Søker", 35),
    ]
    html = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    assert "<td>Per Papir</td><td>–</td>" in html


def test_hr_is_told_of_a_request_without_the_applicants_name(
    people: People, ad: JobAd, clock: Clock
) -> None:
    from lim.recruitment.models import Notification

    post_application(Client(), ad, email="anne@example.org")
    assert not Notification.objects.filter(kind="exemption_request").exists()
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    post_application(
        Client(),
        ad,
        name="Bo Beskyttet",
        email="bo@example.org",
        exemption_requested="on",
        exemption_reason="Arbeidsgiveren min vet ikke at jeg søker.",
    )
    notification = Notification.objects.get(kind="exemption_request")
    assert notification.recipient == people.hr and notification.read_at is None
    to_hr = [m for m in mail.outbox if m.to == [people.hr.email]]
    assert len(to_hr) == 1
    assert "Bo" not in to_hr[0].subject + to_hr[0].body
    assert f"/saker/{ad.case_id}/" in to_hr[0].body
    page = client_for(people.hr, "en").get(
        reverse("recruitment:case_detail", kwargs={"case_id": ad.case_id})
    )
    link = reverse("portal:applicant_list", kwargs={"case_id": ad.case_id})
    assert f'href="{link}">Decide the requests</a>' in page.content.decode()


def test_publishing_waits_for_the_refused_applicant(
    people: People, ad: JobAd, clock: Clock
) -> None:
    applicants = _apply_three(ad)
    clock.set(AFTER_DEADLINE)
    hr = client_for(people.hr, "en")
    _decide(hr, applicants["bo"], "granted", "Søkerens arbeidssituasjon veier tyngst her.")
    _decide(hr, applicants["cato"], "refused", "Stillingen har stor offentlig interesse.")
    page_url = reverse("portal:applicant_list", kwargs={"case_id": ad.case_id})
    when = "26 March 2026, 10:00"  # AFTER_DEADLINE (09:00 UTC) + 3 days, Oslo time

    page = hr.get(page_url).content.decode()
    assert f"The list can be published from {when}" in page
    assert "Publish the list" not in page

    clock.set(AFTER_DEADLINE + dt.timedelta(days=2, hours=23))
    hr = client_for(people.hr, "en")
    response = hr.post(
        reverse("portal:applicant_list_publish", kwargs={"case_id": ad.case_id}), follow=True
    )
    assert f"The list can be published from {when}." in response.content.decode()
    assert not ApplicantListPublication.objects.exists()

    clock.set(AFTER_DEADLINE + dt.timedelta(days=3))
    hr = client_for(people.hr, "en")
    assert "Publish the list" in hr.get(page_url).content.decode()
    _publish(hr, ad)
    assert ApplicantListPublication.objects.exists()


def test_the_waiting_period_is_the_organisations_and_shown_in_norwegian(
    people: People, ad: JobAd, clock: Clock
) -> None:
    people.world.organisation.applicant_list_wait_days = 7
    people.world.organisation.save()
    applicants = _apply_three(ad)
    clock.set(AFTER_DEADLINE)
    hr = client_for(people.hr, "nb")
    _decide(hr, applicants["bo"], "granted", "Søkerens arbeidssituasjon veier tyngst her.")
    _decide(hr, applicants["cato"], "refused", "Stillingen har stor offentlig interesse.")
    clock.set(AFTER_DEADLINE + dt.timedelta(days=5))
    hr = client_for(people.hr, "nb")
    url = reverse("portal:applicant_list_publish", kwargs={"case_id": ad.case_id})
    page = hr.post(url, follow=True).content.decode()
    assert "Listen kan offentliggjøres fra 30. mars 2026" in page
    assert not ApplicantListPublication.objects.exists()


def test_no_waiting_when_no_request_is_refused(people: People, ad: JobAd, clock: Clock) -> None:
    applicants = _apply_three(ad)
    clock.set(AFTER_DEADLINE)
    hr = client_for(people.hr, "en")
    for key in ("bo", "cato"):
        _decide(hr, applicants[key], "granted", "Søkerens situasjon veier tyngst her.")
    _publish(hr, ad)
    assert ApplicantListPublication.objects.exists()


def test_one_applicant_is_not_called_applicants(ad: JobAd, clock: Clock) -> None:
    ApplicantListPublication.objects.create(
        case=ad.case,
        total=1,
        exempted=0,
        by_gender={"female": 1, "male": 0, "other": 0, "unknown": 0},
        published_at=AFTER_DEADLINE,
    )
    url = reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})
    english = Client(headers={"accept-language": "en"}).get(url).content.decode()
    assert "1 applicant, of whom 0 asked" in english
    bokmal = Client(headers={"accept-language": "nb"}).get(url).content.decode()
    assert "1 søker, og 0 av dem" in bokmal


def test_while_blind_the_hiring_manager_cannot_decide_a_request(
    people: People, ad: JobAd, clock: Clock
) -> None:
    applicants = _apply_three(ad)
    clock.set(AFTER_DEADLINE)
    organisation = people.world.organisation
    organisation.blind_screening_until = "recommendation"
    organisation.save()
    manager = client_for(people.manager, "en")
    url = reverse(
        "portal:exemption_decide",
        kwargs={"case_id": ad.case_id, "application_id": applicants["bo"].pk},
    )
    response = manager.post(url, {"decision": "granted", "justification": "Ok."}, follow=True)
    assert "the HR advisers decide the requests" in response.content.decode()
    assert PortalSubmission.objects.get(application=applicants["bo"]).exemption_decision == ""
    # HR, who runs the list, still can.
    _decide(client_for(people.hr, "en"), applicants["bo"], "granted", "Ok.")
    assert PortalSubmission.objects.get(application=applicants["bo"]).exemption_decision == (
        "granted"
    )
