"""Background work for the equality statement, run by `lim worker`."""

from __future__ import annotations

import uuid

from django_tasks import task


@task()
def run_import(job_id: str) -> None:
    """Import a large workforce file queued by the web import."""
    from lim.equality.services import import_job_run

    import_job_run(job_id=uuid.UUID(job_id))


# A finished import's problem report quotes cells of the employer's file: it is kept for
# a month, long enough to fix the file and import it again.
FINISHED_JOBS_KEPT_DAYS = 30


@task()
def prune_import_jobs(day: str) -> int:
    import datetime as dt

    from lim.equality.models import ImportJob

    cutoff = dt.datetime.combine(
        dt.date.fromisoformat(day) - dt.timedelta(days=FINISHED_JOBS_KEPT_DAYS),
        dt.time(),
        tzinfo=dt.UTC,
    )
    deleted, _ = ImportJob.objects.filter(finished_at__lt=cutoff).delete()
    return deleted


def queue_prune_import_jobs(day: str) -> object:
    return prune_import_jobs.enqueue(day)
