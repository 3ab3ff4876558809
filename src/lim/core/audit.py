"""The append-only audit log. Services call `audit_record` inside their transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone

from lim.core.models import AuditEvent, Organisation, User
from lim.core.personal_data import audit_label


def _organisation_of(obj: models.Model | None) -> Organisation | None:
    if obj is None:
        return None
    if isinstance(obj, Organisation):
        return obj
    organisation = getattr(obj, "organisation", None)
    if isinstance(organisation, Organisation):
        return organisation
    unit = getattr(obj, "unit", None)
    return _organisation_of(unit) if unit is not None else None


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    details: dict[str, Any] | None = None,
    organisation: Organisation | None = None,
    at: dt.datetime | None = None,
) -> AuditEvent:
    """Append one event. `actor` None means the system itself (a command or a job).

    The organisation is taken from the object (directly, or through its unit) unless given.
    """
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        organisation=organisation or _organisation_of(obj),
        actor=actor,
        actor_label=actor.email if actor is not None else "system",
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_label=audit_label(obj) if obj is not None else "",
        details=details or {},
    )


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The fields that differ, as {field: {"old": ..., "new": ...}} for the audit details."""
    return {
        key: {"old": before.get(key), "new": value}
        for key, value in after.items()
        if before.get(key) != value
    }
