from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from lim.core.access import AnyUser, organisations_with_role
from lim.core.models import Role, RoleAssignment


def _has_recruitment_role(user: AnyUser) -> bool:
    from lim.recruitment.access import CASE_ROLES

    if not user.is_authenticated:
        return False
    return RoleAssignment.objects.filter(user_id=user.pk, role__in=list(CASE_ROLES)).exists()


def lim(request: HttpRequest) -> dict[str, Any]:
    """Navigation facts every page needs; computed lazily so public pages pay nothing."""
    user = getattr(request, "user", None)
    return {
        "nav_recruitment": SimpleLazyObject(
            lambda: user is not None and _has_recruitment_role(user)
        ),
        "nav_equality_organisations": SimpleLazyObject(
            lambda: (
                organisations_with_role(user, [Role.EQUALITY_ANALYST, Role.ADMINISTRATOR])
                if user is not None
                else []
            )
        ),
    }
