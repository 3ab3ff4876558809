"""A mail server that is away, or a title that would break a mail header, never costs an
applicant their application or their private link."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from lim.recruitment.models import Application, JobAd
from tests.portal.conftest import Clock, post_application

pytestmark = pytest.mark.django_db


def test_with_the_mail_server_away_the_applicant_still_gets_the_receipt(
    ad: JobAd, clock: Clock, smtp_down: None
) -> None:
    client = Client()
    response = post_application(client, ad)  # the worker has tried, and failed, to send
    assert response.status_code == 302
    assert Application.objects.count() == 1
    assert client.get(response["Location"]).status_code == 200  # the confirmation
    # The e-mail with the private link is not lost: it waits for the next attempt.
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.args_kwargs["kwargs"]["to"] == "siri@example.org"
    assert waiting.args_kwargs["kwargs"]["attempt"] == 2
    link = re.search(r"/stillinger/kvittering/\S+/", str(waiting.args_kwargs["kwargs"]))
    assert link is not None
    receipt = client.get(link.group(0))
    assert receipt.status_code == 200
    assert ad.title in receipt.content.decode()


def test_a_title_with_line_breaks_and_an_ampersand_is_mailed_on_one_line(
    ad: JobAd, clock: Clock
) -> None:
    JobAd.objects.filter(pk=ad.pk).update(title="R&D-rådgiver\r\nBergen")
    ad.refresh_from_db()
    response = post_application(Client(), ad)
    assert response.status_code == 302
    [message] = mail.outbox
    assert "R&D-rådgiver Bergen" in message.subject
    assert "&amp;" not in message.subject and "\n" not in message.subject
