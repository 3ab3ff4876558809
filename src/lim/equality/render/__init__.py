"""Renderers of the statement: each takes the report's JSON dict and returns bytes.

`get_renderer(fmt)` returns None for a format that is not available yet; the CLI and the
web layer then say so. Register a renderer by adding its module and function below; the
module is imported only when that format is asked for.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from typing import Any

# fmt(report_dict, *, language="nb", ...) -> bytes
Renderer = Callable[..., bytes]

FORMATS = ("json", "html", "pdf", "docx", "xlsx")

_RENDERERS: dict[str, tuple[str, str]] = {
    "json": (__name__, "render_json"),
    "xlsx": ("lim.equality.render.xlsx", "render_xlsx"),
    "html": ("lim.equality.render.html", "render_html_bytes"),
    "pdf": ("lim.equality.render.pdf", "render_pdf"),
    "docx": ("lim.equality.render.docx", "render_docx"),
}


def render_json(report: Mapping[str, Any], **_options: Any) -> bytes:
    return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def get_renderer(fmt: str) -> Renderer | None:
    entry = _RENDERERS.get(fmt)
    if entry is None:
        return None
    module, name = entry
    renderer: Renderer = getattr(importlib.import_module(module), name)
    return renderer
