"""The private link: status, contact details, documents, withdrawal."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from lim.core.models import AuditEvent
from lim.portal.models import AccessToken, ApplicationDocument, PortalSubmission
from lim.recruitment.models import Application, JobAd, TargetGroupDeclaration
from tests.portal.conftest import (
    AFTER_DEADLINE,
    Clock,
    apply_and_open_link,
    committed,
    pdf,
    post_application,
)
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def _receipt(client: Client, ad: JobAd, **extra: object) -> str:
    return apply_and_open_link(client, ad, **extra)


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_the_link_is_unguessable_and_only_its_hash_is_stored(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    token = _token(url)
    assert len(token) >= 43  # secrets.token_urlsafe(32)
    stored = AccessToken.objects.get()
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(AccessToken.objects.values_list())
    assert url in mail.outbox[0].body


def test_receipt_shows_status_and_is_private(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    page = Client(headers={"accept-language": "en"}).get(url)  # another browser, same link
    assert page.status_code == 200
    html = page.content.decode()
    assert "Rådgiver klagesaker" in html
    assert "New" in html  # the status
    assert "cv.pdf" in html
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"]
    assert Client().get(url.replace(_token(url), "x" * 43)).status_code == 404


def test_the_link_expires_with_retention(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    case = ad.case
    case.closed_at = AFTER_DEADLINE
    case.save(update_fields=["closed_at"])
    days = case.organisation.retention_days_interviewed
    clock.set(AFTER_DEADLINE + dt.timedelta(days=days - 1))
    assert Client().get(url).status_code == 200
    clock.set(AFTER_DEADLINE + dt.timedelta(days=days + 1))
    assert Client().get(url).status_code == 404


def test_contact_update_is_audited_without_the_values(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    data = {
        "email": "siri.ny@example.org",
        "phone": "+47 911 11 111",
        "address": "Nygata 2",
        "postal_code": "5004",
        "municipality": "Bergen",
    }
    response = Client().post(f"{url}kontakt/", data)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.email == "siri.ny@example.org"
    assert application.address == "Nygata 2"
    assert PortalSubmission.objects.get().postal_code == "5004"
    event = AuditEvent.objects.get(action="application.contact_update")
    assert event.actor is None
    assert sorted(event.details["fields"]) == ["address", "email", "phone", "postal_code"]
    assert "siri.ny" not in str(event.details)


def test_bad_contact_details_are_shown_with_the_input(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    response = Client(headers={"accept-language": "en"}).post(
        f"{url}kontakt/", {"email": "not-an-address", "phone": "1"}
    )
    assert response.status_code == 400
    assert 'href="#id_email"' in response.content.decode()
    assert Application.objects.get().email == "siri@example.org"


def test_documents_can_be_added_until_the_deadline(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad)
    response = Client().post(f"{url}dokumenter/", {"documents": [pdf("vitnemal.pdf")]})
    assert response.status_code == 302
    assert ApplicationDocument.objects.count() == 2
    bad = Client().post(f"{url}dokumenter/", {"documents": [pdf("x.pdf", b"plain text")]})
    assert bad.status_code == 400
    clock.set(AFTER_DEADLINE)
    late = Client(headers={"accept-language": "en"}).post(
        f"{url}dokumenter/", {"documents": [pdf("sent.pdf")]}
    )
    assert late.status_code == 400
    assert "only be added until the deadline" in late.content.decode()
    assert ApplicationDocument.objects.count() == 2


def test_the_number_of_documents_is_limited(ad: JobAd, clock: Clock) -> None:
    english = Client(headers={"accept-language": "en"})
    eleven = [pdf(f"vedlegg{n}.pdf") for n in range(11)]
    refused = post_application(english, ad, attachments=eleven)
    assert refused.status_code == 400
    assert "Attach at most 10 files at a time." in refused.content.decode()
    url = _receipt(Client(), ad, attachments=[pdf(f"a{n}.pdf") for n in range(10)])
    assert ApplicationDocument.objects.count() == 11  # the CV and ten attachments
    for _round in range(2):  # up to twenty in all, through the private link
        more = [pdf(f"b{n}.pdf") for n in range(4)]
        assert english.post(f"{url}dokumenter/", {"documents": more}).status_code == 302
    over = english.post(f"{url}dokumenter/", {"documents": [pdf("c.pdf"), pdf("d.pdf")]})
    assert over.status_code == 400
    assert "at most 20 documents" in over.content.decode()
    assert ApplicationDocument.objects.count() == 19


def test_withdraw_deletes_the_application_and_its_files(ad: JobAd, clock: Clock) -> None:
    url = _receipt(Client(), ad, disability="on")
    files = list(ApplicationDocument.objects.values_list("file", flat=True))
    assert files and all(default_storage.exists(name) for name in files)
    assert Client().post(f"{url}trekk/", {}).status_code == 400  # must confirm
    run_queued_tasks()  # what earlier steps queued
    mail.outbox.clear()
    response = committed(lambda: Client().post(f"{url}trekk/", {"confirm": "on"}))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:withdrawn")
    # A confirmation in the applicant's language, without the (now dead) link.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["siri@example.org"]
    assert "trukket" in mail.outbox[0].subject
    assert "slettet" in mail.outbox[0].body and "kvittering" not in mail.outbox[0].body
    assert not Application.objects.exists()
    assert not TargetGroupDeclaration.objects.exists()
    assert not ApplicationDocument.objects.exists()
    assert not PortalSubmission.objects.exists()
    assert not AccessToken.objects.exists()
    assert not any(default_storage.exists(name) for name in files)
    assert Client().get(url).status_code == 404
    event = AuditEvent.objects.get(action="application.delete")
    assert "Siri" not in str(event.details) and event.object_label == ""
