"""Access helpers: every object reaches a view through one of these.

A role in a unit covers that unit and all units below it. A missing object and an
object the user may not see give the same answer (404), so ids cannot be probed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404

from lim.core.models import Organisation, Role, RoleAssignment, Unit, User

AnyUser = User | AnonymousUser


def _descendants(roots: Iterable[uuid.UUID], organisation_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    children: dict[uuid.UUID | None, list[uuid.UUID]] = defaultdict(list)
    for unit_id, parent_id in Unit.objects.filter(organisation_id__in=organisation_ids).values_list(
        "id", "parent_id"
    ):
        children[parent_id].append(unit_id)
    seen: set[uuid.UUID] = set()
    stack = list(roots)
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(children[current])
    return seen


def unit_ids_for_user(user: AnyUser, roles: Iterable[str] | None = None) -> set[uuid.UUID]:
    """Ids of the units where the user holds one of `roles` (any role when None)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    assignments = RoleAssignment.objects.filter(user_id=user.pk)
    if roles is not None:
        assignments = assignments.filter(role__in=list(roles))
    pairs = list(assignments.values_list("unit_id", "unit__organisation_id"))
    if not pairs:
        return set()
    return _descendants({u for u, _ in pairs}, {o for _, o in pairs})


def roles_in_unit(user: AnyUser, unit: Unit) -> set[str]:
    """The roles the user holds in `unit`, directly or through a unit above it."""
    if not user.is_authenticated or not user.is_active:
        return set()
    ancestors: list[uuid.UUID] = []
    parents = dict(
        Unit.objects.filter(organisation_id=unit.organisation_id).values_list("id", "parent_id")
    )
    current: uuid.UUID | None = unit.id
    while current is not None and current not in ancestors:
        ancestors.append(current)
        current = parents.get(current)
    return set(
        RoleAssignment.objects.filter(user_id=user.pk, unit_id__in=ancestors).values_list(
            "role", flat=True
        )
    )


def get_unit_for_user(
    user: AnyUser, unit_id: uuid.UUID | str, roles: Iterable[str] | None = None
) -> Unit:
    try:
        unit = Unit.objects.select_related("organisation").get(pk=unit_id)
    except (Unit.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None
    if user.is_authenticated and user.is_superuser:
        return unit
    if unit.id not in unit_ids_for_user(user, roles):
        raise Http404
    return unit


def organisations_with_role(user: AnyUser, roles: Iterable[str]) -> list[Organisation]:
    """Organisations where the user holds one of `roles` on the top unit, i.e. for the
    whole organisation (organisation-wide work: administration, equality statement)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return list(Organisation.objects.all())
    return list(
        Organisation.objects.filter(
            units__role_assignments__user_id=user.pk,
            units__role_assignments__role__in=list(roles),
            units__parent__isnull=True,
        ).distinct()
    )


def get_organisation_for_role(
    user: AnyUser, organisation_id: uuid.UUID | str, roles: Iterable[str]
) -> Organisation:
    for organisation in organisations_with_role(user, roles):
        if str(organisation.id) == str(organisation_id):
            return organisation
    raise Http404


def organisations_administered_by(user: AnyUser) -> list[Organisation]:
    return organisations_with_role(user, [Role.ADMINISTRATOR])


def get_organisation_for_admin(user: AnyUser, organisation_id: uuid.UUID | str) -> Organisation:
    return get_organisation_for_role(user, organisation_id, [Role.ADMINISTRATOR])
