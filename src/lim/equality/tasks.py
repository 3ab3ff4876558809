"""Background work for the equality statement, run by `lim worker`."""

from __future__ import annotations

import uuid

from django_tasks import task


@task()
def run_import(job_id: str) -> None:
    """Import a large workforce file queued by the web import."""
    from lim.equality.services import import_job_run

    import_job_run(job_id=uuid.UUID(job_id))
