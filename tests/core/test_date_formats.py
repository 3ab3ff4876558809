"""Dates follow the reader's language, and English never uses the US order."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

DAY = dt.date(2026, 12, 3)
MOMENT = dt.datetime(2026, 12, 3, 14, 30)


@pytest.mark.parametrize(
    ("lang", "long", "short", "moment"),
    [
        ("nb", "3. desember 2026", "03.12.2026", "03.12.2026 14:30"),
        ("nn", "3. desember 2026", "03.12.2026", "03.12.2026 14:30"),
        ("en", "3 December 2026", "3 Dec 2026", "3 Dec 2026, 14:30"),
    ],
)
def test_dates_by_language(lang: str, long: str, short: str, moment: str) -> None:
    template = Template(
        '{{ day|date }}|{{ day|date:"SHORT_DATE_FORMAT" }}|{{ at|date:"SHORT_DATETIME_FORMAT" }}'
    )
    with translation.override(lang):
        shown = template.render(Context({"day": DAY, "at": MOMENT}))
    assert shown == f"{long}|{short}|{moment}"
