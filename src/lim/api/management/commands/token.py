"""`lim token create|list|revoke`: API tokens from the command line.

`lim createtoken` is the older name for `lim token create` and still works."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lim.api.models import ApiToken
from lim.api.tokens import DEFAULT_VALID_DAYS, api_token_create, api_token_revoke, tokens_of
from lim.core.errors import DomainError
from lim.core.models import User


def user_by_email(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CommandError(f"No user with the e-mail address {email}.")
    return user


def add_create_arguments(parser: CommandParser) -> None:
    parser.add_argument("--user", required=True, help="the user's e-mail address")
    parser.add_argument("--name", required=True, help="what the token is for")
    parser.add_argument(
        "--days",
        type=int,
        default=DEFAULT_VALID_DAYS,
        help=f"how many days the token works (default {DEFAULT_VALID_DAYS})",
    )


def create(command: BaseCommand, options: dict[str, Any]) -> None:
    user = user_by_email(options["user"])
    try:
        token, plain = api_token_create(
            actor=None, user=user, name=options["name"], valid_days=options["days"]
        )
    except DomainError as error:
        raise CommandError(str(error.message)) from error
    assert token.expires_at is not None
    expires = timezone.localtime(token.expires_at).strftime("%Y-%m-%d %H:%M")
    command.stderr.write(
        f"Token “{token.name}” for {user.email}, valid until {expires}. It is shown only this once:"
    )
    command.stdout.write(plain)


def _when(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = "Create, list or revoke API tokens (a new token is printed once; only its hash is kept)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        add_create_arguments(actions.add_parser("create", help="issue a token and print it once"))
        listing = actions.add_parser("list", help="a user's tokens")
        listing.add_argument("--user", required=True, help="the user's e-mail address")
        revoking = actions.add_parser("revoke", help="stop a token from working")
        revoking.add_argument("token_id", help="the token's id, as `lim token list` shows it")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "create":
            create(self, options)
        elif options["action"] == "list":
            self._list(user_by_email(options["user"]))
        else:
            self._revoke(options["token_id"])

    def _list(self, user: User) -> None:
        now = timezone.now()
        self.stdout.write("id\tname\tcreated\tlast used\texpires\tstate")
        for token in tokens_of(user):
            if token.revoked:
                state = "revoked"
            elif token.expires_at is None or token.expires_at <= now:
                state = "expired"
            else:
                state = "active"
            self.stdout.write(
                f"{token.id}\t{token.name}\t{_when(token.created_at)}\t"
                f"{_when(token.last_used_at)}\t{_when(token.expires_at)}\t{state}"
            )

    def _revoke(self, token_id: str) -> None:
        try:
            token = ApiToken.objects.select_related("user").get(pk=uuid.UUID(token_id))
        except (ValueError, ApiToken.DoesNotExist):
            raise CommandError(f"No token with the id {token_id}.") from None
        api_token_revoke(actor=None, token=token)
        self.stderr.write(f"Token “{token.name}” for {token.user.email} is revoked.")
