from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from lim.core.access import organisations_with_role
from lim.core.models import Role


def lim(request: HttpRequest) -> dict[str, Any]:
    """Navigation facts every page needs; computed lazily so public pages pay nothing."""
    user = getattr(request, "user", None)
    return {
        "nav_equality_organisations": SimpleLazyObject(
            lambda: organisations_with_role(user, [Role.EQUALITY_ANALYST, Role.ADMINISTRATOR])
            if user is not None
            else []
        ),
    }
