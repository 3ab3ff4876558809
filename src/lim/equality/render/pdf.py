"""The statement as PDF: the HTML document laid out by WeasyPrint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lim.equality.render.html import render_html


def render_pdf(report: Mapping[str, Any], **kwargs: Any) -> bytes:
    from weasyprint import HTML

    # No base_url: the document is self-contained and must not fetch anything.
    document = HTML(string=render_html(report, **kwargs), base_url=None)
    pdf: bytes = document.write_pdf()
    return pdf
