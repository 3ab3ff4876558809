"""The style sheet gives every kind of input the forms use the same look as a text field."""

from __future__ import annotations

import re
from pathlib import Path

import lim

CSS = (Path(lim.__file__).parent / "static" / "lim" / "lim.css").read_text()


def test_every_input_type_the_forms_use_is_styled_like_text() -> None:
    rule = next(r for r in re.findall(r"([^{}]+)\{", CSS) if "input[type=text]" in r)
    styled = set(re.findall(r"input\[type=([\w-]+)\]", rule))
    # tel (the phone field was 21 px high), url (video link) and datetime-local
    # (interview times) as well as the common ones.
    used = {"text", "email", "password", "number", "date", "search", "tel", "url", "datetime-local"}
    assert used <= styled
