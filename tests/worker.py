"""Running the background queue inside a test, as `lim worker --batch` would.

The worker's own loop closes the database connection between tasks, which would end the
test's transaction on PostgreSQL; this claims and runs the ready tasks one by one on the
test's connection with the worker's own `run_task` (success, failure and retries alike).
"""

from __future__ import annotations

from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

WORKER_ID = "test-worker"


def run_queued_tasks(limit: int = 1000) -> int:
    """Run every task that is ready now (and those they queue, when ready); returns how
    many ran."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=WORKER_ID,
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        with transaction.atomic():
            task = DBTaskResult.objects.ready().get_locked()
            if task is None:
                return ran
            task.claim(WORKER_ID)
        worker.run_task(task)
        ran += 1
    raise AssertionError(f"more than {limit} tasks: a task that queues itself at once?")
