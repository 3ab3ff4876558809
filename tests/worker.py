"""Running the background queue inside a test, as `lim worker --batch` would."""

from __future__ import annotations

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


def run_queued_tasks() -> int:
    """Run every task that is ready now; returns how many ran."""
    before = DBTaskResult.objects.ready().count()
    call_command("worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    return before
