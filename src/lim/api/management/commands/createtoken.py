"""`lim createtoken --user EMAIL --name NAME [--days N]`: the older name for
`lim token create`; issues an API token and prints it once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lim.api.management.commands.token import add_create_arguments, create


class Command(BaseCommand):
    help = "Create an API token for a user and print it once (same as `lim token create`)."

    def add_arguments(self, parser: CommandParser) -> None:
        add_create_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        create(self, options)
