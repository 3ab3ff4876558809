from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lim.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_load


class Command(BaseCommand):
    help = "Load the demo organisation with one user per role (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        organisation, created = demo_load()
        self.stdout.write(
            _("Demo organisation %(name)s is ready (%(created)d new objects).")
            % {"name": organisation.name, "created": created}
        )
        self.stdout.write(_("Demo logins (password %(password)s):") % {"password": DEMO_PASSWORD})
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec.email:<34} {spec.role.label}")
