"""The ad text, written in a small, safe subset of Markdown, as HTML: the one renderer
for the career site, the ad preview, NAV Arbeidsplassen's adText and the JobPosting
description.

CommonMark with raw HTML off and only headings, lists, emphasis, paragraphs, line breaks
and links (http, https and mailto). A heading is never above h2: the ad's title is h1.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

SAFE_SCHEMES = ("http:", "https:", "mailto:")
_OFF = [
    "code",
    "fence",
    "blockquote",
    "hr",
    "reference",
    "html_block",
    "lheading",
    "image",
    "html_inline",
    "backticks",
]


def normalise_newlines(text: str) -> str:
    """Browsers post CRLF; the ad is stored with plain LF line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def _heading(closing: bool) -> Any:
    """Render a heading tag at level 2 or below (the page's title is the only h1)."""

    def render(
        renderer: RendererHTML,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        level = max(2, int(tokens[idx].tag[1:]))
        return f"</h{level}>\n" if closing else f"<h{level}>"

    return render


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": True})
    md.disable(_OFF)
    md.validateLink = _safe_link  # type: ignore[method-assign]
    md.add_render_rule("heading_open", _heading(closing=False))
    md.add_render_rule("heading_close", _heading(closing=True))
    return md


_MD = _parser()


def ad_html(text: str) -> str:
    """The ad text as safe HTML (the input's own HTML is shown as text)."""
    return str(_MD.render(normalise_newlines(text)))
