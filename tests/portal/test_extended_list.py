"""The extended applicant list: every applicant with education and experience, for the
parties only (those on the case, and the applicants through their private link)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lim.core.models import AuditEvent, Organisation
from lim.portal.models import PortalSubmission
from lim.recruitment.models import Application, JobAd
from tests.conftest import client_for
from tests.portal.conftest import AFTER_DEADLINE, Clock, People, post_application

pytestmark = pytest.mark.django_db


def _apply_two(ad: JobAd) -> str:
    """Two applicants, the second asking (and granted, below) to be left off the public
    list. Returns the first applicant's private link."""
    assert post_application(Client(), ad, name="Anne Åpen", email="anne@example.org").status_code
    link = re.search(r"http://testserver(/stillinger/kvittering/\S+/)", mail.outbox[-1].body)
    assert link is not None
    post_application(
        Client(),
        ad,
        name="Bo Beskyttet",
        email="bo@example.org",
        education="Bachelor i økonomi, NHH, 2012",
        exemption_requested="on",
        exemption_reason="Arbeidsgiveren min vet ikke at jeg søker.",
    )
    submission = PortalSubmission.objects.get(application__email="bo@example.org")
    submission.exemption_decision = "granted"
    submission.save()
    return link.group(1)


def _url(ad: JobAd) -> str:
    return reverse("portal:extended_list", kwargs={"case_id": ad.case_id})


def test_the_parties_see_every_applicant_with_education_and_it_is_audited(
    people: People, ad: JobAd, clock: Clock
) -> None:
    _apply_two(ad)
    for user in (people.hr, people.union, people.council):
        page = client_for(user, "en").get(_url(ad))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Anne Åpen" in html and "Bo Beskyttet" in html
        assert "Bachelor i økonomi, NHH, 2012" in html
        assert "Master i rettsvitenskap, UiB, 2015" in html
        assert "No, exempted" in html  # Bo is not on the public list
        assert "2 applicants" in html
    viewers = AuditEvent.objects.filter(action="applicant_list.extended_view")
    assert {event.actor_id for event in viewers} == {
        people.hr.pk,
        people.union.pk,
        people.council.pk,
    }


def test_outsiders_and_the_public_cannot_see_the_extended_list(
    people: People, ad: JobAd, clock: Clock
) -> None:
    _apply_two(ad)
    assert client_for(people.outsider).get(_url(ad)).status_code == 404
    assert Client().get(_url(ad)).status_code == 302  # to the login page
    assert not AuditEvent.objects.filter(action="applicant_list.extended_view").exists()


def test_the_list_is_hidden_while_the_organisation_screens_blind(
    people: People, ad: JobAd, clock: Clock
) -> None:
    _apply_two(ad)
    Organisation.objects.filter(pk=ad.case.organisation_id).update(
        blind_screening_until="interview_list"
    )
    html = client_for(people.hr, "en").get(_url(ad)).content.decode()
    assert "cannot be shown yet" in html
    assert "Anne Åpen" not in html and "Bo Beskyttet" not in html
    assert not AuditEvent.objects.filter(action="applicant_list.extended_view").exists()


def test_an_applicant_sees_the_extended_list_after_the_deadline(ad: JobAd, clock: Clock) -> None:
    receipt = _apply_two(ad)
    applicant = Client(headers={"accept-language": "en"})
    list_url = f"{receipt}sokerliste/"
    # Before the deadline: no link and no list.
    assert "See the extended applicant list" not in applicant.get(receipt).content.decode()
    before = applicant.get(list_url).content.decode()
    assert "can be seen after the deadline" in before and "Bo Beskyttet" not in before

    clock.set(AFTER_DEADLINE)
    assert "See the extended applicant list" in applicant.get(receipt).content.decode()
    response = applicant.get(list_url)
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert "Bo Beskyttet" in html and "Bachelor i økonomi, NHH, 2012" in html
    event = AuditEvent.objects.get(action="applicant_list.extended_view")
    assert event.actor_id is None and "application" in event.details
    assert Client().get("/stillinger/kvittering/not-a-token/sokerliste/").status_code == 404

    # Withdrawn (here by HR, who keeps the row until retention ends): no longer a party.
    from lim.recruitment.services.applications import application_withdraw

    application_withdraw(actor=None, application=Application.objects.get(name="Anne Åpen"))
    assert applicant.get(list_url).status_code == 404
