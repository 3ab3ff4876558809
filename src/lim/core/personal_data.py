"""Where personal data lives and how it goes (GDPR art. 5(1)(e), storage limitation).

Every model that holds personal data registers here, from its app's AppConfig.ready(),
which fields are personal and how they are purged. Retention, withdrawal and deletion
call `purge_applications` and `purge_case_records` instead of knowing other apps'
related names, and tests/core/test_personal_data.py fails when a model whose fields look
personal is registered nowhere.

- DELETE: the rows go when the application (or the case's records) are purged.
- ANONYMISE: the row stays when the hire record needs it, with the personal fields blanked;
  otherwise it goes with its application.
- KEEP: part of the hire record, which outlives the application (employment records).
- OWN_RULE: not applicant data; purged by its own rule, named in `how`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models


class Purge(enum.StrEnum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"
    OWN_RULE = "own_rule"


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    fields: tuple[str, ...]
    purge: Purge
    # ORM path from the model to the Application it is about, or to the RecruitmentCase
    # for the case's own records (purged when no application of the case is left).
    applicant: str = ""
    case: str = ""
    how: str = ""

    def blanks(self) -> dict[str, Any]:
        """The values an anonymised row gets: NULL where allowed, else the field's empty
        default ("" for text, [] or {} for JSON)."""
        values: dict[str, Any] = {}
        for name in self.fields:
            field = self.model._meta.get_field(name)
            assert isinstance(field, models.Field)
            values[name] = None if field.null else field.get_default()
        return values


_REGISTRY: dict[type[models.Model], Registration] = {}
_NOT_PERSONAL: dict[type[models.Model], str] = {}


def register(
    model: type[models.Model],
    *,
    fields: Iterable[str],
    purge: Purge,
    applicant: str = "",
    case: str = "",
    how: str = "",
) -> None:
    """Declare a model's personal fields and how they are purged."""
    registration = Registration(model, tuple(fields), purge, applicant, case, how)
    for name in registration.fields:
        model._meta.get_field(name)  # FieldDoesNotExist at start-up for a typo
    if purge in (Purge.DELETE, Purge.ANONYMISE) and not (applicant or case):
        raise ValueError(f"{model._meta.label}: say whose data it is (applicant= or case=)")
    if purge is Purge.OWN_RULE and not how:
        raise ValueError(f"{model._meta.label}: say which rule purges it (how=)")
    _REGISTRY[model] = registration


def not_personal(model: type[models.Model], *, why: str) -> None:
    """Declare that fields which look personal (a name, a reason) are not about a person."""
    _NOT_PERSONAL[model] = why


def registration(model: type[models.Model]) -> Registration | None:
    return _REGISTRY.get(model)


def registrations() -> list[Registration]:
    return list(_REGISTRY.values())


def declared_not_personal(model: type[models.Model]) -> bool:
    return model in _NOT_PERSONAL


def audit_label(obj: models.Model) -> str:
    """How the audit log names an object: an applicant's rows by kind and id, never by a
    name, since the log is append-only and outlives every retention period."""
    found = _REGISTRY.get(type(obj))
    if found is not None and found.purge in (Purge.DELETE, Purge.ANONYMISE):
        return f"{obj._meta.verbose_name} {str(obj.pk)[:8]}"
    return str(obj)[:300]


def purge_applications(
    applications: models.QuerySet[Any], *, keep: Iterable[Any] = ()
) -> dict[str, int]:
    """Remove every applicant's personal data of `applications`. Those in `keep` (ids of
    hired applications) stay anonymised, as their hire record needs; the rest are deleted.
    Returns the number of rows deleted or anonymised per model label."""
    keep_ids = set(keep)
    ids = list(applications.values_list("pk", flat=True))
    gone = [pk for pk in ids if pk not in keep_ids]
    kept = [pk for pk in ids if pk in keep_ids]
    counts: dict[str, int] = {}
    application_model = applications.model
    for entry in _REGISTRY.values():
        if not entry.applicant or entry.model is application_model:
            continue
        rows = entry.model._default_manager.filter(**{f"{entry.applicant}__in": ids})
        if entry.purge is Purge.DELETE:
            counts[entry.model._meta.label] = _delete(rows)
        elif entry.purge is Purge.ANONYMISE:
            path = f"{entry.applicant}__in"
            counts[entry.model._meta.label] = rows.filter(**{path: kept}).update(
                **entry.blanks()
            ) + _delete(rows.filter(**{path: gone}))
    own = _REGISTRY.get(application_model)
    if own is not None and kept:
        application_model._default_manager.filter(pk__in=kept).update(**own.blanks())
    counts[application_model._meta.label] = len(kept) + _delete(
        application_model._default_manager.filter(pk__in=gone)
    )
    return counts


def purge_case_records(case: models.Model) -> dict[str, int]:
    """Remove the personal data in the case's own records (the public applicant list, the
    recommendation's texts, union remarks, the archive package), once no application of
    the case is left but the anonymised hire."""
    counts: dict[str, int] = {}
    for entry in _REGISTRY.values():
        if not entry.case:
            continue
        rows = entry.model._default_manager.filter(**{entry.case: case})
        if entry.purge is Purge.DELETE:
            counts[entry.model._meta.label] = _delete(rows)
        elif entry.purge is Purge.ANONYMISE:
            counts[entry.model._meta.label] = rows.update(**entry.blanks())
    return counts


def _delete(rows: models.QuerySet[Any]) -> int:
    # QuerySet.delete() sends post_delete per row, so files leave the disk with their rows.
    return int(rows.delete()[1].get(rows.model._meta.label, 0))
