"""Issuing, checking and revoking API tokens (services: one transaction, audited).
A token works until it expires (90 days unless chosen otherwise) or is revoked."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.api.models import ApiToken
from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User

PREFIX = "lim_"
# last_used_at is written at most this often per token, so reads do not all write.
TOUCH_EVERY = dt.timedelta(minutes=5)
DEFAULT_VALID_DAYS = 90
MAX_VALID_DAYS = 730


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def api_token_create(
    *,
    actor: User | None,
    user: User,
    name: str,
    valid_days: int = DEFAULT_VALID_DAYS,
    now: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token for `user`, valid for `valid_days`; the plain token is returned once
    and never stored."""
    if not name.strip():
        raise DomainError(_("Give the token a name."), field="name")
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise DomainError(
            _("A token is valid for 1 to %(max)s days.") % {"max": MAX_VALID_DAYS},
            field="valid_days",
        )
    if not user.is_active:
        raise DomainError(_("The user is not active."), field="user")
    now = now or timezone.now()
    plain = PREFIX + secrets.token_urlsafe(32)
    expires_at = now + dt.timedelta(days=valid_days)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        token_hash=token_hash(plain),
        created_at=now,
        expires_at=expires_at,
    )
    audit_record(
        actor=actor,
        action="api_token.create",
        obj=user,
        at=now,
        details={
            "token": str(token.id),
            "name": token.name,
            "expires_at": expires_at.isoformat(),
        },
    )
    return token, plain


@transaction.atomic
def api_token_revoke(
    *, actor: User | None, token: ApiToken, now: dt.datetime | None = None
) -> None:
    if token.revoked:
        return
    token.revoked = True
    token.save(update_fields=["revoked"])
    audit_record(
        actor=actor,
        action="api_token.revoke",
        obj=token.user,
        at=now,
        details={"token": str(token.id)},
    )


def user_for_token(plain: str, *, now: dt.datetime | None = None) -> User | None:
    """The active user a valid token (not revoked, not expired) belongs to, or None."""
    now = now or timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            token_hash=token_hash(plain),
            revoked=False,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, newest first, for the token page and `lim token list`."""
    return list(ApiToken.objects.filter(user=user).order_by("-created_at"))
