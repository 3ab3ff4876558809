"""Limits on guessing passwords and on sending password-reset e-mails.

Logins are counted by django-axes (settings: AXES_*); password-reset e-mails here. Both
count in the database, so every worker process sees the same numbers."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest

from lim.core.models import PasswordResetRequest


class LoginThrottleBackend(AxesStandaloneBackend):  # type: ignore[misc]
    """django-axes' check before the password check. Every login from the web carries its
    request; a call without one (the test client's login()) has no client to count and
    is left to the next backend instead of failing."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is not None:
            super().authenticate(request, *args, **kwargs)


def login_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The e-mail address a login names, as django-axes counts failures by it: without
    surrounding spaces and in lower case, so case variants count as one account."""
    data = credentials if credentials else request.POST
    return str(data.get("username") or "").strip().lower()


def _keyed(kind: str, value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()


@transaction.atomic
def password_reset_allowed(*, email: str, client_ip: str, now: dt.datetime) -> bool:
    """Count one request for a reset e-mail; False when this account or this client has
    asked for too many within LIM_PASSWORD_RESET_WINDOW (then no e-mail is sent)."""
    PasswordResetRequest.objects.filter(at__lt=now - settings.LIM_PASSWORD_RESET_WINDOW).delete()
    account = _keyed("account", email.strip().lower())
    client = _keyed("client", client_ip)
    too_many = (
        PasswordResetRequest.objects.filter(account=account).count()
        >= settings.LIM_PASSWORD_RESETS_PER_ACCOUNT
        or PasswordResetRequest.objects.filter(client=client).count()
        >= settings.LIM_PASSWORD_RESETS_PER_CLIENT
    )
    if not too_many:
        PasswordResetRequest.objects.create(account=account, client=client, at=now)
    return not too_many
