"""E-mail goes through the outbox: the change and its e-mail commit together, `lim worker`
sends it, and a mail server that is away only delays it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lim.core import schedule
from lim.core.mail import RETRY_DELAYS, absolute_url, queue_mail
from lim.core.models import ScheduledRun
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def make_due(task: DBTaskResult) -> None:
    """Let the pause before a retry pass (the queue row's run_after moves to the past)."""
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() - dt.timedelta(1))


def test_mail_waits_for_the_commit_and_is_sent_by_the_worker() -> None:
    with transaction.atomic():
        queue_mail(to="kari@example.org", subject="Hei", body="Tekst")
        assert mail.outbox == []  # nothing leaves inside the transaction
    assert mail.outbox == []  # nor in the request: the worker sends it
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [["kari@example.org"]]


def test_a_rolled_back_change_sends_nothing() -> None:
    def change_that_fails() -> None:
        with transaction.atomic():
            queue_mail(to="kari@example.org", subject="Hei", body="Tekst")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert DBTaskResult.objects.count() == 0
    run_queued_tasks()
    assert mail.outbox == []


def test_line_breaks_in_a_subject_cannot_break_the_mail() -> None:
    queue_mail(to="kari@example.org", subject="Rådgiver\r\nBcc: x@evil.example", body="Tekst")
    run_queued_tasks()
    assert mail.outbox[0].subject == "Rådgiver Bcc: x@evil.example"
    assert mail.outbox[0].bcc == []


def test_a_mail_server_outage_is_retried_with_growing_pauses_and_then_sent(
    smtp_down: None, settings: Any
) -> None:
    queue_mail(to="kari@example.org", subject="Hei", body="Tekst")
    run_queued_tasks()  # connection refused: no exception, a retry is queued
    retry = DBTaskResult.objects.ready().first()
    assert retry is None  # not yet: it waits
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.args_kwargs["kwargs"]["attempt"] == 2
    pause = waiting.run_after - timezone.now()
    assert RETRY_DELAYS[0] - dt.timedelta(seconds=10) < pause <= RETRY_DELAYS[0]

    make_due(waiting)
    run_queued_tasks()  # still down: the next pause is longer
    third = DBTaskResult.objects.filter(status="READY").get()
    assert third.args_kwargs["kwargs"]["attempt"] == 3
    assert third.run_after - timezone.now() > RETRY_DELAYS[0]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    make_due(third)
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [["kari@example.org"]]
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_after_the_last_attempt_the_task_fails_and_says_so(smtp_down: None) -> None:
    from lim.core.mail import send_queued_mail

    send_queued_mail.enqueue(
        to="kari@example.org",
        subject="Hei",
        body="Tekst",
        attachments=[],
        attempt=len(RETRY_DELAYS) + 1,
    )
    run_queued_tasks()
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED"
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_attachments_travel_with_the_mail() -> None:
    queue_mail(
        to="kari@example.org",
        subject="Intervju",
        body="Se vedlegg.",
        attachments=[("intervju.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
    )
    run_queued_tasks()
    assert mail.outbox[0].attachments[0][0] == "intervju.ics"


def test_links_in_mail_are_absolute(settings: Any) -> None:
    settings.LIM_BASE_URL = "https://lim.fjordvik.example/"
    assert absolute_url("/saker/1/") == "https://lim.fjordvik.example/saker/1/"
    settings.LIM_BASE_URL = "https://fjordvik.example/lim"
    assert absolute_url("/saker/1/") == "https://fjordvik.example/lim/saker/1/"


def test_daily_jobs_are_queued_once_a_day_however_many_workers_ask() -> None:
    monday = dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC)
    first = schedule.queue_due(now=monday)
    assert set(first) == {
        "retention",
        "prune-finished-tasks",
        "remove-stale-upload-files",
        "prune-import-jobs",
    }
    assert schedule.queue_due(now=monday + dt.timedelta(hours=5)) == []  # a second worker
    queued = DBTaskResult.objects.filter(task_path="lim.recruitment.jobs.retention_daily")
    assert queued.count() == 1
    assert queued.get().args_kwargs["args"] == ["2026-12-07"]
    # The day is Oslo's: 23:30 UTC on Monday is already Tuesday in Norway.
    assert schedule.queue_due(now=monday.replace(hour=23, minute=30)) == first
    assert ScheduledRun.objects.filter(job="retention").count() == 2


def test_the_worker_runs_the_daily_retention() -> None:
    schedule.queue_due(now=dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC))
    run_queued_tasks()
    task = DBTaskResult.objects.get(task_path="lim.recruitment.jobs.retention_daily")
    assert task.status == "SUCCESSFUL"
    assert task.return_value == {"cases": 0, "deleted": 0, "anonymised": 0}


def test_sent_mail_leaves_the_queue_a_day_later() -> None:
    from lim.core.tasks import prune_finished_tasks

    queue_mail(to="kari@example.org", subject="Hei", body="https://lim/kvittering/secret/")
    run_queued_tasks()
    sent = DBTaskResult.objects.get()
    prune_finished_tasks.call("2026-12-03")
    assert DBTaskResult.objects.filter(pk=sent.pk).exists()  # kept for a day
    DBTaskResult.objects.filter(pk=sent.pk).update(
        finished_at=timezone.now() - dt.timedelta(days=1, minutes=1)
    )
    prune_finished_tasks.call("2026-12-04")
    assert not DBTaskResult.objects.filter(pk=sent.pk).exists()


def test_the_daily_clean_up_removes_upload_files_of_killed_requests(settings: Any) -> None:
    import os
    import time
    from pathlib import Path

    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    stale, fresh = folder / "stale.upload", folder / "fresh.upload"
    stale.write_bytes(b"%PDF-")
    fresh.write_bytes(b"%PDF-")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    schedule.queue_due(now=dt.datetime(2026, 12, 7, 3, 0, tzinfo=dt.UTC))
    run_queued_tasks()
    assert not stale.exists() and fresh.exists()
    fresh.unlink()
