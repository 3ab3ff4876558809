"""Periodic jobs for `lim worker`: each registered job is queued once per local day.

Apps register their daily jobs in AppConfig.ready(). Every worker process calls
`queue_due` now and then; the database's unique key on (job, day) makes sure that one
of them queues each job once, however many workers run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DailyJob:
    name: str
    # Queues the job's task for a day (ISO date); runs in the transaction that records it.
    enqueue: Callable[[str], object]


_DAILY: dict[str, DailyJob] = {}


def daily(name: str, enqueue: Callable[[str], object]) -> None:
    """Register a job to be queued once a day, with the day as an ISO date."""
    _DAILY[name] = DailyJob(name, enqueue)


def daily_jobs() -> list[DailyJob]:
    return sorted(_DAILY.values(), key=lambda job: job.name)


def queue_due(*, now: dt.datetime | None = None) -> list[str]:
    """Queue the daily jobs not yet queued for today's local date; returns their names."""
    from lim.core.models import ScheduledRun

    day = timezone.localdate(now or timezone.now()).isoformat()
    done = set(ScheduledRun.objects.filter(period=day).values_list("job", flat=True))
    queued = []
    for job in daily_jobs():
        if job.name in done:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, period=day)
                job.enqueue(day)
        except IntegrityError:
            continue  # another worker queued it first
        logger.info("schedule: queued %s for %s", job.name, day)
        queued.append(job.name)
    return queued
