"""Recruitment's daily jobs on `lim worker` (see lim.core.schedule)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def retention_daily(day: str) -> dict[str, int]:
    """Delete what the retention periods say must go, judged by the given local day."""
    from lim.recruitment.services.retention import retention_apply

    summary = retention_apply(today=dt.date.fromisoformat(day))
    return {"cases": summary.cases, "deleted": summary.deleted, "anonymised": summary.anonymised}


def queue_retention(day: str) -> object:
    return retention_daily.enqueue(day)
