"""Formatting for the equality statement: percentages, kroner, suppressed figures."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()

MINUS = "\u2212"  # Norwegian typography: a negative figure has a real minus, not a hyphen


def _minus(text: str) -> str:
    return MINUS + text[1:] if text.startswith("-") else text


@register.filter
def pct(value: Any) -> str:
    """One decimal with the locale's decimal mark, and a percent sign; '–' when absent."""
    if value is None:
        return "–"
    return f"{_minus(floatformat(value, 1))} %"


@register.filter
def num(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    return _minus(str(floatformat(value, digits)))


@register.filter
def kr(value: Any) -> str:
    if value is None:
        return "–"
    return f"{_minus(floatformat(value, '0g'))} kr"


def hidden_text(min_group_size: int, reason: str | None = None) -> str:
    """Why a figure is hidden: its group is small, or it would give another hidden one away."""
    if reason == "complementary":
        return _("hidden so that another hidden figure cannot be calculated")
    return _("hidden (fewer than %(n)s persons)") % {"n": min_group_size}


@register.simple_tag
def hidden(min_group_size: int, reason: str | None = None) -> SafeString:
    """What a suppressed figure shows: hidden, and why."""
    return format_html('<span class="suppressed">{}</span>', hidden_text(min_group_size, reason))


@register.simple_tag
def pct_or_hidden(value: Any, table: Any, min_group_size: int) -> str:
    """A percentage from a table that may be suppressed as a whole."""
    if value is None and table.get("suppressed"):
        return hidden(min_group_size, table.get("suppressed_reason"))
    return pct(value)


@register.filter
def delta(current: Any, previous: Any) -> str:
    """Change from last year in percentage points, signed."""
    if current is None or previous is None:
        return "–"
    change = float(current) - float(previous)
    sign = "+" if change > 0 else (MINUS if change < 0 else "±")
    return f"{sign}{floatformat(abs(change), 1)}"
