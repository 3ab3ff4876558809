"""`lim createtoken --user EMAIL --name NAME`: issue an API token and print it once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lim.api.tokens import api_token_create
from lim.core.errors import DomainError
from lim.core.models import User


class Command(BaseCommand):
    help = "Create an API token for a user and print it once (only its hash is stored)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="the user's e-mail address")
        parser.add_argument("--name", required=True, help="what the token is for")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No user with the e-mail address {options['user']}.")
        try:
            token, plain = api_token_create(actor=None, user=user, name=options["name"])
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stderr.write(f"Token “{token.name}” for {user.email}. It is shown only this once:")
        self.stdout.write(plain)
