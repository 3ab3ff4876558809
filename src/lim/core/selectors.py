"""Read queries for the core domain."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from lim.core.access import AnyUser, unit_ids_for_user
from lim.core.models import AuditEvent, Organisation, RoleAssignment, Unit, User


@dataclass(frozen=True)
class UnitNode:
    unit: Unit
    depth: int


def unit_tree(*, organisation: Organisation, visible: set[object] | None = None) -> list[UnitNode]:
    """Units in depth-first order, for indented lists. `visible` limits which are shown."""
    units = list(Unit.objects.filter(organisation=organisation).order_by("name"))
    children: dict[object, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    nodes: list[UnitNode] = []

    def walk(parent_id: object, depth: int) -> None:
        for unit in children.get(parent_id, []):
            if visible is None or unit.id in visible:
                nodes.append(UnitNode(unit=unit, depth=depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return nodes


def units_for_user(*, user: AnyUser) -> list[Unit]:
    ids = unit_ids_for_user(user)
    return list(Unit.objects.filter(id__in=ids).select_related("organisation").order_by("name"))


def role_assignments_for_user(*, user: User) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user=user).select_related("unit").order_by("unit__name")


def role_assignments_in_unit(*, unit: Unit) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(unit=unit)
        .select_related("user")
        .order_by("role", "user__full_name")
    )


def users_assignable(*, organisation: Organisation) -> QuerySet[User]:
    """Active users an administrator of the organisation may give a role: those with a
    role in it and those with no role anywhere yet (new accounts). Users of other
    organisations are neither listed nor accepted."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(role_assignments__unit__organisation=organisation) | Q(role_assignments__isnull=True)
        )
        .distinct()
        .order_by("full_name")
    )


def users_of_organisation(*, organisation: Organisation) -> QuerySet[User]:
    return (
        User.objects.filter(role_assignments__unit__organisation=organisation)
        .distinct()
        .prefetch_related("role_assignments__unit")
        .order_by("full_name")
    )


def audit_events(
    *, organisation: Organisation, action: str = "", actor: User | None = None
) -> QuerySet[AuditEvent]:
    """The organisation's events, newest first, optionally filtered."""
    events = AuditEvent.objects.filter(organisation=organisation).select_related("actor")
    if action:
        events = events.filter(action__startswith=action)
    if actor is not None:
        events = events.filter(actor=actor)
    return events.order_by("-at", "-id")
