"""The career site's tests: a published case, a fixed clock and files to upload."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse

from lim.recruitment.models import JobAd, RecruitmentCase
from tests.recruitment.conftest import (  # noqa: F401 - helpers for the modules
    AFTER_DEADLINE,
    DEADLINE,
    NOW,
    People,
    published_case,
)
from tests.recruitment.conftest import people as people
from tests.worker import run_queued_tasks

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def pdf(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.set(NOW + dt.timedelta(days=1))

    def set(self, moment: dt.datetime) -> None:
        self.moment = moment
        self.monkeypatch.setattr("django.utils.timezone.now", lambda: self.moment)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The views read "today" from django.utils.timezone; the tests fix it."""
    return Clock(monkeypatch)


@pytest.fixture
def case(people: People, settings: Any, tmp_path: Any) -> RecruitmentCase:
    settings.MEDIA_ROOT = tmp_path / "uploads"
    case = published_case(people)
    run_queued_tasks()  # the staff notifications of opening the case; not under test here
    mail.outbox.clear()
    return case


@pytest.fixture
def ad(case: RecruitmentCase) -> JobAd:
    return case.ad


def form_data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "idempotency_key": str(uuid.uuid4()),
        "name": "Siri Søker",
        "email": "siri@example.org",
        "phone": "+47 900 00 000",
        "birth_date": "17.05.1990",
        "address": "Storgata 1",
        "postal_code": "5003",
        "municipality": "Bergen",
        "occupation": "Rådgiver",
        "gender": "woman",
        "cover_letter": "Jeg vil gjerne jobbe hos dere.",
        "education": "Master i rettsvitenskap, UiB, 2015",
        "experience": "Rådgiver, Statsforvalteren, 2015–2024",
        "current_employment": "none",
        "consent": "on",
        "cv": pdf(),
    }
    data.update(extra)
    return data


def committed(call: Callable[[], Any]) -> Any:
    """Run a request, its on-commit callbacks, and then the queued tasks (the e-mails), as
    a real commit and `lim worker` would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = call()
    run_queued_tasks()
    return result


def post_application(client: Client, ad: JobAd, **extra: Any) -> Any:
    url = reverse("portal:apply", kwargs={"ad_id": ad.pk})
    return committed(lambda: client.post(url, form_data(**extra)))


def link_in_mail(to: str = "siri@example.org") -> str:
    """The private link in the last e-mail to the address (the path, as the tests'
    client uses it)."""
    message = [m for m in mail.outbox if m.to == [to]][-1]
    match = re.search(r"https?://[^/\s]+(/\S+/kvittering/\S+/)", message.body)
    assert match is not None, message.body
    return match.group(1)


def apply_and_open_link(client: Client, ad: JobAd, **extra: Any) -> str:
    """Apply; the page only confirms, and the private link arrives by e-mail."""
    response = post_application(client, ad, **extra)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("portal:sent", kwargs={"ad_id": ad.pk})
    return link_in_mail(str(extra.get("email", "siri@example.org")))
