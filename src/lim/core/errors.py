"""Domain errors that views and the API turn into translated messages."""

from __future__ import annotations

from django.utils.functional import Promise


class DomainError(Exception):
    """A rule or invariant forbids the change; the message is shown to the user."""

    def __init__(self, message: str | Promise, *, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
