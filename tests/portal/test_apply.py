"""Applying without an account through /stillinger/<ad>/sok/."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lim.core.models import AuditEvent
from lim.portal.models import ApplicationDocument, PortalSubmission
from lim.portal.services import applying
from lim.recruitment.models import Application, JobAd
from lim.recruitment.rule_checks import RuleBlocked
from tests.portal.conftest import AFTER_DEADLINE, Clock, link_in_mail, pdf, post_application
from tests.recruitment.conftest import People, assess, in_selection, invite
from tests.recruitment.conftest import apply as recruitment_apply

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_apply_in_each_language_with_a_pdf(ad: JobAd, clock: Clock, lang: str) -> None:
    client = Client(headers={"accept-language": lang})
    page = client.get(reverse("portal:apply", kwargs={"ad_id": ad.pk}))
    assert page.status_code == 200
    assert f'lang="{lang}"' in page.content.decode()
    html = page.content.decode()
    for autocomplete in ("name", "email", "tel", "bday", "street-address", "postal-code"):
        assert f'autocomplete="{autocomplete}"' in html
    assert 'autocomplete="address-level2"' in html

    response = post_application(client, ad)

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.language == lang
    assert application.email == "siri@example.org"
    document = ApplicationDocument.objects.get(application=application)
    assert document.file_type == "pdf"
    assert document.original_name == "cv.pdf"
    # Stored under a random name, not the applicant's.
    assert "cv" not in document.file.name and document.file.name.startswith("applications/")
    assert document.file.read().startswith(b"%PDF-")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siri@example.org"]
    assert response["Location"] == reverse("portal:sent", kwargs={"ad_id": ad.pk})
    assert link_in_mail() in message.body
    assert ad.title in message.subject
    # No personal data in the private link: only the token.
    assert "siri" not in link_in_mail()
    sent = client.get(response["Location"])
    assert sent.status_code == 200 and f'lang="{lang}"' in sent.content.decode()


def test_non_pdf_content_with_a_pdf_name_is_rejected(ad: JobAd, clock: Clock) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(client, ad, cv=pdf("cv.pdf", b"MZ\x90\x00 an executable"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "is not a PDF, DOCX or ODT document" in html
    assert 'href="#id_cv"' in html  # the error summary links to the field
    assert "choose your CV and attachments again" in html
    # Nothing is lost except the file.
    assert 'value="Siri Søker"' in html
    assert "Jeg vil gjerne jobbe hos dere." in html
    assert not Application.objects.exists()


def test_a_file_over_10_mb_is_rejected(ad: JobAd, clock: Clock) -> None:
    client = Client(headers={"accept-language": "en"})
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    response = post_application(client, ad, attachments=[pdf("big.pdf", big)])
    assert response.status_code == 400
    assert "big.pdf is larger than 10 MB" in response.content.decode()
    assert not Application.objects.exists()


def test_docx_and_odt_attachments_are_accepted(ad: JobAd, clock: Clock) -> None:
    from tests.portal.conftest import docx_bytes, odt_bytes

    files = [pdf("a.docx", docx_bytes()), pdf("b.odt", odt_bytes())]
    response = post_application(Client(), ad, attachments=files)
    assert response.status_code == 302
    kinds = sorted(ApplicationDocument.objects.values_list("file_type", flat=True))
    assert kinds == ["docx", "odt", "pdf"]


def test_after_the_deadline_the_form_is_closed(ad: JobAd, clock: Clock) -> None:
    clock.set(AFTER_DEADLINE)
    client = Client(headers={"accept-language": "en"})
    page = client.get(reverse("portal:apply", kwargs={"ad_id": ad.pk}))
    assert page.status_code == 410
    assert "You can no longer apply for this position" in page.content.decode()
    response = post_application(client, ad)
    assert response.status_code == 410
    assert not Application.objects.exists()


def test_the_deadline_day_still_accepts_applications(ad: JobAd, clock: Clock) -> None:
    assert ad.deadline is not None
    clock.set(dt.datetime.combine(ad.deadline, dt.time(21, 0), tzinfo=dt.UTC))
    assert post_application(Client(), ad).status_code == 302


def test_double_submission_is_harmless(ad: JobAd, clock: Clock) -> None:
    client = Client()
    key = str(uuid.uuid4())
    first = post_application(client, ad, idempotency_key=key)
    second = post_application(client, ad, idempotency_key=key)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]  # the same confirmation
    # From another browser the same key gets the same answer too.
    third = post_application(Client(), ad, idempotency_key=key)
    assert third["Location"] == first["Location"]
    assert Application.objects.count() == 1
    assert PortalSubmission.objects.count() == 1
    assert len(mail.outbox) == 1  # one receipt, no new link


def _answer(response: Any, client: Client) -> tuple[int, str, str]:
    """What the sender of a form sees: the status, where it leads and that page."""
    page = client.get(response["Location"]).content.decode()
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return response.status_code, response["Location"], page


def test_applying_again_with_the_same_email_tells_nobody_and_mails_a_new_link(
    ad: JobAd, clock: Clock
) -> None:
    client = Client(headers={"accept-language": "en"})
    first = post_application(client, ad, email="Siri@Example.org")
    old_link = link_in_mail()
    assert client.get(old_link).status_code == 200
    mail.outbox.clear()
    # Someone else tries the same address: the answer is exactly that of a new application.
    stranger = Client(headers={"accept-language": "en"})
    again = post_application(stranger, ad, name="Ola Nysgjerrig", phone="+47 911 11 111")
    new = post_application(stranger, ad, email="someone.else@example.org")
    assert _answer(again, stranger) == _answer(new, stranger)
    page = _answer(again, stranger)[2]
    assert "Siri" not in page and "already" not in page.lower().replace("if you had already", "")
    # Nothing new was stored; the address gets a new link and the old one stops working.
    assert Application.objects.filter(email="siri@example.org").count() == 1
    assert not Application.objects.filter(name="Ola Nysgjerrig").exists()
    [resent] = [m for m in mail.outbox if m.to == ["siri@example.org"]]
    assert "new private link" in resent.body and "Ola" not in resent.body
    new_link = link_in_mail()
    assert new_link != old_link
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200
    assert AuditEvent.objects.filter(action="application.link_resent").count() == 1
    assert first.status_code == 302


def test_the_link_again_mail_is_in_the_applicants_language(ad: JobAd, clock: Clock) -> None:
    post_application(Client(headers={"accept-language": "nn"}), ad)
    mail.outbox.clear()
    post_application(Client(headers={"accept-language": "en"}), ad)
    [resent] = mail.outbox
    assert "Ny lenkje" in resent.subject and "Du hadde alt søkt" in resent.body


def test_rate_limit_per_client(ad: JobAd, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(applying, "RATE_LIMIT", 2)
    client = Client(headers={"accept-language": "en"}, REMOTE_ADDR="203.0.113.7")
    assert post_application(client, ad, email="a@example.org").status_code == 302
    assert post_application(client, ad, email="b@example.org").status_code == 302
    blocked = post_application(client, ad, email="c@example.org")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    # Another client is not affected, and the window passes.
    other = Client(REMOTE_ADDR="198.51.100.1")
    assert post_application(other, ad, email="d@example.org").status_code == 302
    clock.set(clock.moment + dt.timedelta(minutes=11))
    assert post_application(client, ad, email="c@example.org").status_code == 302
    assert Application.objects.count() == 4


def test_behind_a_trusted_proxy_the_limit_counts_each_applicant(
    ad: JobAd, clock: Clock, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    settings.LIM_TRUSTED_PROXIES = 1
    monkeypatch.setattr(applying, "RATE_LIMIT", 1)

    def through_proxy(forwarded_for: str) -> Client:
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)

    # Two applicants behind the same proxy are counted apart.
    assert post_application(through_proxy("203.0.113.7"), ad, email="a@example.org").status_code
    second = post_application(through_proxy("198.51.100.1"), ad, email="b@example.org")
    assert second.status_code == 302
    # A forged address to the left of the proxy's entry does not escape the limit.
    forged = post_application(through_proxy("192.0.2.99, 203.0.113.7"), ad, email="c@example.org")
    assert forged.status_code == 429
    assert Application.objects.count() == 2


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "10.0.0.2"),  # no proxy trusted: the header is ignored
        (1, "203.0.113.7", "203.0.113.7"),
        (2, "203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "10.0.0.1", "10.0.0.2"),  # fewer entries than proxies: the connection
        (1, "", "10.0.0.2"),
    ],
)
def test_client_ip_reads_only_what_trusted_proxies_wrote(
    settings: Any, proxies: int, forwarded: str, expected: str
) -> None:
    from django.test import RequestFactory

    from lim.core.http import client_ip

    settings.LIM_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_cv_gap_and_declarations_are_stored_and_explained(ad: JobAd, clock: Clock) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(
        client,
        ad,
        disability="on",
        consent_statistics="on",
        gap1_start="01.01.2022",
        gap1_end="28.02.2025",
        gap1_cause="illness",
    )
    assert response.status_code == 302
    declaration = Application.objects.get().declaration
    assert declaration.disability and declaration.cv_gap
    receipt = client.get(link_in_mail()).content.decode()
    assert "You count as having a gap in the CV" in receipt
    assert "How this was worked out" in receipt
    assert declaration.cv_gap_result["reasons"]["en"][0] in receipt


def test_a_half_filled_period_is_an_error(ad: JobAd, clock: Clock) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(client, ad, gap1_start="01.01.2022")
    assert response.status_code == 400
    assert 'href="#id_gap1_start"' in response.content.decode()


def test_exemption_request_needs_a_reason_and_is_stored(ad: JobAd, clock: Clock) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(client, ad, exemption_requested="on")
    assert response.status_code == 400
    assert 'href="#id_exemption_reason"' in response.content.decode()
    response = post_application(
        client, ad, exemption_requested="on", exemption_reason="Min arbeidsgiver vet ikke."
    )
    assert response.status_code == 302
    submission = PortalSubmission.objects.get()
    assert submission.exemption_requested
    assert submission.exemption_reason == "Min arbeidsgiver vet ikke."


def test_a_submission_that_fails_after_its_files_are_written_leaves_no_file(
    ad: JobAd, clock: Clock, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    def broken_mail(**kwargs: Any) -> None:
        raise RuntimeError("the mail template is broken")

    monkeypatch.setattr(applying, "_send_receipt", broken_mail)
    client = Client(raise_request_exception=False)
    response = post_application(client, ad, attachments=[pdf("vitnemal.pdf")])
    assert response.status_code == 500
    assert not Application.objects.exists()
    uploads = settings.MEDIA_ROOT / "applications"
    assert not uploads.exists() or not any(uploads.iterdir())


GAP = {"gap1_start": "01.01.2022", "gap1_end": "28.02.2025", "gap1_cause": "illness"}


def test_an_applicant_in_a_temporary_job_with_a_cv_gap_applies_and_must_be_interviewed(
    ad: JobAd, clock: Clock, people: People
) -> None:
    client = Client(headers={"accept-language": "en"})
    form = client.get(reverse("portal:apply", kwargs={"ad_id": ad.pk})).content.decode()
    assert 'name="employment_start"' in form and 'name="employment_end"' in form
    response = post_application(
        client,
        ad,
        current_employment="temporary",
        employment_start="01.09.2025",
        employment_end="31.05.2026",
        **GAP,
    )
    assert response.status_code == 302
    application = Application.objects.get()
    declaration = application.declaration
    assert declaration.cv_gap  # a temporary job under one year does not disqualify
    assert declaration.current_employment == {
        "kind": "temporary",
        "start": "2025-09-01",
        "end": "2026-05-31",
    }
    # The interview duty (SEL-INTERVIEW-CVGAP) is recognised for the qualified applicant.
    other = recruitment_apply(ad.case, "Ola Nordmann")
    case = in_selection(people, ad.case)
    assess(people, application, qualified=True)
    assess(people, other, qualified=True)
    with pytest.raises(RuleBlocked) as error:
        invite(people, case, [other])
    assert error.value.rules == ("SEL-INTERVIEW-CVGAP",)


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({}, "employment_start", "Give the date your temporary job started"),
        ({"employment_start": "01.09.2025"}, "employment_end", "the date it ends"),
        (
            {"employment_start": "01.09.2025", "employment_end": "01.08.2025"},
            "employment_end",
            "The job ends before it starts.",
        ),
    ],
)
def test_a_temporary_job_without_good_dates_gets_a_field_error(
    ad: JobAd, clock: Clock, dates: dict[str, str], field: str, message: str
) -> None:
    client = Client(headers={"accept-language": "en"})
    response = post_application(client, ad, current_employment="temporary", **GAP, **dates)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="#id_{field}"' in html  # the error summary points at the date field
    assert "needs a start and an end date" not in html
    assert not Application.objects.exists()


def test_the_temporary_job_dates_are_asked_in_norwegian(ad: JobAd, clock: Clock) -> None:
    for lang, text in (("nb", "Gi datoen"), ("nn", "Gi datoen")):
        client = Client(headers={"accept-language": lang})
        response = post_application(client, ad, current_employment="temporary", **GAP)
        assert response.status_code == 400
        assert text in response.content.decode()
