"""Background tasks of the core app (run by `lim worker`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

# E-mail: the outbox task lives with queue_mail.
from lim.core.mail import send_queued_mail

__all__ = ["send_queued_mail"]


@task()
def noop() -> str:
    """A task that does nothing, for `lim worker --check` and tests of the worker itself."""
    return "ok"


# A finished task keeps its arguments, and an e-mail's are an address and a body that may
# hold a private link: they leave the queue a day after they were sent. Failures stay a
# month, long enough to see what went wrong.
SENT_KEPT = dt.timedelta(days=1)
FAILED_KEPT = dt.timedelta(days=30)


@task()
def prune_finished_tasks(day: str) -> int:
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    finished = DBTaskResult.objects.finished()
    deleted, _ = finished.filter(
        Q(status="SUCCESSFUL", finished_at__lte=now - SENT_KEPT)
        | Q(status="FAILED", finished_at__lte=now - FAILED_KEPT)
    ).delete()
    return deleted


def queue_prune(day: str) -> object:
    return prune_finished_tasks.enqueue(day)


@task()
def remove_stale_upload_files(day: str) -> int:
    """Spool files of uploads whose request was killed (they are removed at `lim serve`
    start too)."""
    from lim.core.uploads import upload_temp_files_remove_stale

    return upload_temp_files_remove_stale(now=timezone.now())


def queue_upload_cleanup(day: str) -> object:
    return remove_stale_upload_files.enqueue(day)
