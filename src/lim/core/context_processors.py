from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lim.core.access import is_administrator


def lim(request: HttpRequest) -> dict[str, Any]:
    """Navigation facts every page needs; computed lazily so public pages pay nothing."""
    user = getattr(request, "user", None)
    return {
        "nav_is_administrator": (lambda: user is not None and is_administrator(user)),
    }
