"""`lim retention [--today YYYY-MM-DD] [--dry-run]`: delete the applications whose
retention period has ended. Run it daily (cron or a systemd timer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lim.recruitment.models import Application
from lim.recruitment.services.retention import (
    cases_with_retention,
    due_applications,
    retention_apply,
)


class Command(BaseCommand):
    help = (
        "Delete applications whose retention period has ended (withdrawn ones at once); "
        "a hired applicant's application keeps only what the hire record needs. Counts by "
        "gender are kept for the equality statement. Run it daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today", metavar="YYYY-MM-DD", help="the day to judge by (default: today)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="only count what would be deleted"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today: “{options['today']}” is not a date (YYYY-MM-DD)."
                ) from None
        if options["dry_run"]:
            due: list[Application] = []
            for case in cases_with_retention():
                due += due_applications(case, today=today)
            hired = sum(hasattr(a, "hire") for a in due)
            self.stdout.write(
                f"{today}: {len(due) - hired} applications would be deleted and "
                f"{hired} hired applicants' details removed (dry run, nothing changed)."
            )
            return
        summary = retention_apply(today=today)
        self.stdout.write(
            f"{today}: {summary.deleted} applications deleted and {summary.anonymised} hired "
            f"applicants' details removed, in {summary.cases} cases."
        )
