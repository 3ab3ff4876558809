"""`lim worker`: runs background tasks (mail, imports, retention, reminders) from the
database queue and queues the daily jobs. Run one or more next to the app servers."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from lim.core.schedule import queue_due

logger = logging.getLogger(__name__)

SCHEDULE_EVERY_SECONDS = 60


def _schedule_forever(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            queue_due()
        except Exception:  # the worker must keep running; the next round tries again
            logger.exception("schedule: could not queue the daily jobs")
        finally:
            close_old_connections()
        stop.wait(SCHEDULE_EVERY_SECONDS)


class Command(DbWorkerCommand):
    help = (
        "Run LIM's background tasks from the database queue: e-mail (retried with growing "
        "pauses while the mail server is away), large imports, and the daily jobs "
        "(retention, clean-up), which it queues once a day. Several workers may run at once. "
        "--batch runs what is queued now and stops."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        if not options.get("batch"):
            threading.Thread(
                target=_schedule_forever, args=(stop,), name="lim-schedule", daemon=True
            ).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
