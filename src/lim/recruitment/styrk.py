"""STYRK-08 occupation codes (SSB), from the copy of NAV's mapping file in data/.

Loaded once per process and kept read-only; the file is shipped with the package so a
deployment does not depend on anything outside it (data/styrk08_README.md: source, licence).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

# NAV's "0000 Ikke konvertert" row is not an occupation.
_NOT_AN_OCCUPATION = "0000"


@cache
def occupations() -> Mapping[str, str]:
    """{4-digit code: Norwegian title} for every STYRK-08 unit group."""
    text = (resources.files("lim.recruitment") / "data" / "styrk_category_mapping.csv").read_text(
        encoding="utf-8"
    )
    rows = csv.DictReader(text.splitlines(), delimiter=";")
    return MappingProxyType(
        {
            row["Styrk code"].strip(): row["Styrk description"].strip()
            for row in rows
            if row["Styrk code"].strip() != _NOT_AN_OCCUPATION
        }
    )


def occupation_title(code: str) -> str | None:
    return occupations().get(code.strip())
