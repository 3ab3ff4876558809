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


@register.simple_tag
def hidden(min_group_size: int) -> SafeString:
    """What a suppressed figure shows: hidden, and why."""
    return format_html(
        '<span class="suppressed">{}</span>',
        _("hidden (group under %(n)s)") % {"n": min_group_size},
    )


@register.filter
def delta(current: Any, previous: Any) -> str:
    """Change from last year in percentage points, signed."""
    if current is None or previous is None:
        return "–"
    change = float(current) - float(previous)
    sign = "+" if change > 0 else (MINUS if change < 0 else "±")
    return f"{sign}{floatformat(abs(change), 1)}"
