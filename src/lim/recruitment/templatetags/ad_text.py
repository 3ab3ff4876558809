"""{{ ad.body|ad_html }}: the ad text rendered by lim.recruitment.ad_markup."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from lim.recruitment import ad_markup

register = template.Library()


@register.filter
def ad_html(text: str) -> SafeString:
    return mark_safe(ad_markup.ad_html(text))  # noqa: S308 - raw HTML off, links checked
