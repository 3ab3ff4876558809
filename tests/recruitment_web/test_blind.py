"""Blind screening: the redaction helper the screening templates get their rows from."""

from __future__ import annotations

import datetime as dt

import pytest

from lim.recruitment.blind import IDENTITY_FIELDS, age_on, redact_name, screening_view


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeg heter Sofie Dahl.", "Jeg heter [name]."),
        ("Hilsen Sofie", "Hilsen [name]"),
        ("DAHL har erfaring", "[name] har erfaring"),
        ("Dahlia is a flower; Sofiedal is a place", "Dahlia is a flower; Sofiedal is a place"),
        ("", ""),
    ],
)
def test_redact_name_removes_the_name_and_its_parts_as_whole_words(
    text: str, expected: str
) -> None:
    assert redact_name(text, "Sofie Dahl", "[name]") == expected


def test_single_letters_of_a_name_are_left_alone() -> None:
    assert redact_name("A letter from Ada", "A Ada", "[x]") == "A letter from [x]"


def test_blind_view_hides_identity_and_keeps_the_rest() -> None:
    values = {
        "name": "Sofie Dahl",
        "gender": "Woman",
        "age": 41,
        "address": "Storgata 1",
        "nationality": "Norsk",
        "status": "New",
        "cover_letter": "Mvh Sofie Dahl",
    }
    shown = screening_view(values, blind=True, alias="Applicant 1A2B", placeholder="[name]")
    assert all(shown[field] is None for field in IDENTITY_FIELDS if field in values)
    assert shown["label"] == "Applicant 1A2B"
    assert shown["status"] == "New"
    assert shown["cover_letter"] == "Mvh [name]"
    assert "Sofie" not in repr(shown)


def test_view_without_blind_mode_is_unchanged() -> None:
    values = {"name": "Sofie Dahl", "gender": "Woman"}
    shown = screening_view(values, blind=False, alias="x", placeholder="y")
    assert shown["label"] == "Sofie Dahl"
    assert shown["gender"] == "Woman"


def test_age_counts_the_birthday() -> None:
    born = dt.date(1990, 6, 15)
    assert age_on(born, dt.date(2026, 6, 14)) == 35
    assert age_on(born, dt.date(2026, 6, 15)) == 36
    assert age_on(None, dt.date(2026, 1, 1)) is None
