"""E-mail through a transactional outbox.

`queue_mail` writes a task row in the caller's database transaction: when the change
commits, so does the e-mail; when it rolls back, nothing is sent. `lim worker` sends it
later, so a request never waits for SMTP, and an SMTP outage only delays mail: a failed
send is tried again with growing pauses. Logs name the task, never the address.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

logger = logging.getLogger(__name__)

# Pauses before the 2nd, 3rd, … attempt: about two days in all before giving up.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=6),
    dt.timedelta(hours=12),
    dt.timedelta(hours=24),
)


def one_line(text: str) -> str:
    """A header value on one line: CR, LF and runs of white space become one space."""
    return " ".join(str(text).split())


def absolute_url(path: str) -> str:
    """A link for an e-mail: the path on LIM's public address (LIM_BASE_URL)."""
    return urljoin(settings.LIM_BASE_URL.rstrip("/") + "/", path.lstrip("/"))


def queue_mail(
    *,
    to: str,
    subject: str,
    body: str,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue an e-mail in the current transaction; `lim worker` sends it after the commit.

    attachments: (filename, text content, MIME type), e.g. an invitation's .ics.
    """
    send_queued_mail.enqueue(
        to=one_line(to),
        subject=one_line(subject),
        body=body,
        attachments=[list(item) for item in attachments or []],
        attempt=1,
    )


@task()
def send_queued_mail(
    *,
    to: str,
    subject: str,
    body: str,
    attachments: list[list[str]],
    attempt: int,
) -> str:
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        if attempt > len(RETRY_DELAYS):
            logger.error("mail: giving up after %d attempts (%s)", attempt, type(error).__name__)
            raise
        from django.utils import timezone

        delay = RETRY_DELAYS[attempt - 1]
        send_queued_mail.using(run_after=timezone.now() + delay).enqueue(
            to=to, subject=subject, body=body, attachments=attachments, attempt=attempt + 1
        )
        logger.warning(
            "mail: attempt %d failed (%s); trying again in %s",
            attempt,
            type(error).__name__,
            delay,
        )
        return "retry"
    return "sent"
