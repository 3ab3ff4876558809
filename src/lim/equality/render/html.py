"""The statement as one self-contained HTML document (also the source of the PDF)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lim.equality.standalone import ensure_django


def render_html(
    report: Mapping[str, Any],
    *,
    language: str = "nb",
    previous: Mapping[str, Any] | None = None,
    statement: Mapping[str, Any] | None = None,
) -> str:
    ensure_django()
    from django.template.loader import render_to_string
    from django.utils import translation

    from lim.equality.presentation import figures_context

    with translation.override(language):
        context = figures_context(report, previous=previous)
        context.update({"statement": statement, "language": language})
        return render_to_string("equality/document.html", context)


def render_html_bytes(report: Mapping[str, Any], **kwargs: Any) -> bytes:
    return render_html(report, **kwargs).encode("utf-8")
