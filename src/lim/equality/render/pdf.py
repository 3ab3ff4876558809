"""The statement as PDF: the HTML document laid out by WeasyPrint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lim.documents.pdf import html_to_pdf
from lim.equality.render.html import render_html


def render_pdf(report: Mapping[str, Any], **kwargs: Any) -> bytes:
    return html_to_pdf(render_html(report, **kwargs))
