"""Writes to the core domain. Each service is one transaction with an audit event."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record, changes
from lim.core.errors import DomainError
from lim.core.models import Organisation, Role, RoleAssignment, Unit, User
from lim.core.selectors import users_assignable

ORGANISATION_SETTINGS = (
    "name",
    "org_number",
    "sector",
    "written_standard",
    "staff_regulations_allow_12_months",
    "require_nav_checkpoint",
    "diversity_statement",
    "postal_code",
    "postal_town",
    "retention_days_not_interviewed",
    "retention_days_interviewed",
    "blind_screening_until",
    "min_group_size",
    "applicant_list_wait_days",
)


def _snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def _clean(obj: Any) -> None:
    try:
        obj.full_clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise DomainError(messages[0], field=None if field == "__all__" else field) from exc


@transaction.atomic
def organisation_create(
    *, actor: User | None, name: str, org_number: str, sector: str
) -> Organisation:
    organisation = Organisation(name=name, org_number=org_number, sector=sector)
    _clean(organisation)
    organisation.save()
    audit_record(
        actor=actor,
        action="organisation.create",
        obj=organisation,
        details=_snapshot(organisation, ORGANISATION_SETTINGS),
    )
    return organisation


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **values: Any) -> Organisation:
    unknown = set(values) - set(ORGANISATION_SETTINGS)
    if unknown:
        raise TypeError(f"not organisation settings: {', '.join(sorted(unknown))}")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = _snapshot(organisation, ORGANISATION_SETTINGS)
    for name, value in values.items():
        setattr(organisation, name, value)
    _clean(organisation)
    diff = changes(before, _snapshot(organisation, ORGANISATION_SETTINGS))
    if diff:
        organisation.save()
        audit_record(actor=actor, action="organisation.update", obj=organisation, details=diff)
    return organisation


@transaction.atomic
def unit_create(
    *, actor: User | None, organisation: Organisation, name: str, parent: Unit | None = None
) -> Unit:
    if parent is not None and parent.organisation_id != organisation.pk:
        raise DomainError(_("The parent unit belongs to another organisation."), field="parent")
    unit = Unit(organisation=organisation, parent=parent, name=name)
    _clean(unit)
    unit.save()
    audit_record(
        actor=actor,
        action="unit.create",
        obj=unit,
        details={"parent": str(parent.pk) if parent else None, "name": name},
    )
    return unit


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    organisation: Organisation | None,
    email: str,
    full_name: str,
    password: str | None = None,
    language: str = "nb",
) -> User:
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise DomainError(_("A user with this e-mail address already exists."), field="email")
    user = User(email=email, full_name=full_name.strip(), language=language)
    user.set_password(password)
    _clean(user)
    user.save()
    audit_record(
        actor=actor,
        action="user.create",
        obj=user,
        organisation=organisation,
        details={"language": language},
    )
    return user


@transaction.atomic
def role_assign(*, actor: User | None, user: User, unit: Unit, role: str) -> RoleAssignment:
    if role not in Role.values:
        raise DomainError(_("Unknown role."), field="role")
    # A person (an administrator) may only give roles to users of their own organisation;
    # the system itself (actor None: demo, commands) may give any.
    if (
        actor is not None
        and not users_assignable(organisation=unit.organisation).filter(pk=user.pk).exists()
    ):
        raise DomainError(_("This user belongs to another organisation."), field="user")
    assignment, created = RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        audit_record(
            actor=actor,
            action="role.assign",
            obj=assignment,
            details={"user": str(user.pk), "unit": str(unit.pk), "role": role},
        )
    return assignment


@transaction.atomic
def role_revoke(*, actor: User, assignment: RoleAssignment) -> None:
    if assignment.user_id == actor.pk and assignment.role == Role.ADMINISTRATOR:
        raise DomainError(_("You cannot remove your own administrator role."), field="role")
    audit_record(
        actor=actor,
        action="role.revoke",
        obj=assignment,
        details={
            "user": str(assignment.user_id),
            "unit": str(assignment.unit_id),
            "role": assignment.role,
        },
    )
    assignment.delete()
