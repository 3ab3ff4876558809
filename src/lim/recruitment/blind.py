"""Blind screening: what an assessor sees of an applicant while identity is hidden.

Pure Python (no Django), so the redaction is easy to test: the templates only ever get
the dictionary `screening_view` returns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

# Facts that reveal who the applicant is, or a protected ground (gender, age, origin).
IDENTITY_FIELDS: Final = (
    "name",
    "email",
    "phone",
    "birth_date",
    "age",
    "address",
    "municipality",
    "gender",
    "nationality",
    "language",
    "nav_contact",
)
# Free text the applicant wrote, where their name may appear.
FREE_TEXT_FIELDS: Final = ("education", "experience", "cover_letter")


def age_on(birth_date: dt.date | None, today: dt.date) -> int | None:
    if birth_date is None:
        return None
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def name_pattern(name: str) -> re.Pattern[str] | None:
    """The full name and each part of it of two letters or more, as whole words."""
    parts = [name.strip(), *name.split()]
    words = sorted({p for p in parts if len(p) >= 2}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def redact_name(text: str, name: str, placeholder: str) -> str:
    """`text` with every occurrence of the name (or a part of it) replaced."""
    pattern = name_pattern(name)
    if pattern is None or not text:
        return text
    return pattern.sub(placeholder, text)


def screening_view(
    values: Mapping[str, Any],
    *,
    blind: bool,
    alias: str,
    placeholder: str,
) -> dict[str, Any]:
    """The applicant's facts as shown: unchanged when not blind; otherwise the identity
    fields become None, the name becomes `alias` and the name is removed from free text."""
    shown = dict(values)
    shown["blind"] = blind
    if not blind:
        shown.setdefault("label", values.get("name", ""))
        return shown
    name = str(values.get("name", ""))
    for field in IDENTITY_FIELDS:
        if field in shown:
            shown[field] = None
    for field in FREE_TEXT_FIELDS:
        if shown.get(field):
            shown[field] = redact_name(str(shown[field]), name, placeholder)
    if shown.get("answers"):
        shown["answers"] = [
            {**answer, "answer": redact_name(str(answer["answer"]), name, placeholder)}
            for answer in shown["answers"]
        ]
    shown["label"] = alias
    return shown
