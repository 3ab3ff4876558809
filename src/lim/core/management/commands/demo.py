from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from lim.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_day, demo_load


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            _("%(value)s is not a date; write it as YYYY-MM-DD.") % {"value": value}
        ) from error


class Command(BaseCommand):
    help = (
        "Load the demo organisation with one user per role, its recruitment cases and its "
        "equality statements. Dates are counted from the day of the first load (open ads "
        "with deadlines in the coming weeks, interviews last week and next week, the "
        "workforce of the last two completed years). The demo is built once: running it "
        "again, on the same or a later day, changes nothing; start from an empty database "
        "to build it relative to another day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            metavar="YYYY-MM-DD",
            help="the day to count the demo's dates from on its first load "
            "(default: today in Europe/Oslo); ignored once the demo is loaded",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = _day(options["today"]) if options["today"] else None
        organisation, created = demo_load(today=today)
        day = demo_day(organisation)
        self.stdout.write(
            _("Demo organisation %(name)s is ready (%(created)d new objects).")
            % {"name": organisation.name, "created": created}
        )
        if day is not None:
            self.stdout.write(
                _("Its dates are counted from %(day)s, the day it was first loaded.")
                % {"day": day.isoformat()}
            )
        if today is not None and day is not None and today != day:
            self.stdout.write(
                _(
                    "The demo was already built relative to %(day)s, so --today changes "
                    "nothing. Start from an empty database to build it relative to "
                    "another day."
                )
                % {"day": day.isoformat()}
            )
        self.stdout.write(_("Demo logins (password %(password)s):") % {"password": DEMO_PASSWORD})
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec.email:<34} {spec.role.label}")
