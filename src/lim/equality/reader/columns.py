"""The columns of the workforce and applications files (formats/workforce.md)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"
    GENDER = "gender"
    CHOICE = "choice"
    NUMBER = "number"
    INTEGER = "integer"
    YEAR = "year"
    BOOLEAN = "boolean"
    DATE = "date"


class Check(Enum):
    NONE = "none"
    NON_NEGATIVE = "non_negative"
    FTE = "fte"
    UNIQUE = "unique"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    alias: str
    kind: Kind
    required: bool = False
    check: Check = Check.NONE
    # For CHOICE and GENDER: accepted spelling (lower case) -> canonical value.
    choices: Mapping[str, str] | None = None
    extra_aliases: tuple[str, ...] = ()


GENDERS: Mapping[str, str] = {
    "woman": "woman", "women": "woman", "kvinne": "woman", "kvinner": "woman", "k": "woman",
    "f": "woman", "female": "woman", "w": "woman",
    "man": "man", "men": "man", "mann": "man", "menn": "man", "m": "man", "male": "man",
    "other": "other", "annet": "other", "annen": "other", "ikke-binær": "other",
    "ikke binær": "other", "non-binary": "other", "nonbinary": "other",
    "prefer not to say": "other", "vil ikke oppgi": "other",
    "unknown": "unknown", "ukjent": "unknown",
}  # fmt: skip

EMPLOYMENT_TYPES: Mapping[str, str] = {
    "permanent": "permanent", "fast": "permanent", "fast ansatt": "permanent",
    "fast ansettelse": "permanent",
    "temporary": "temporary", "midlertidig": "temporary", "midlertidig ansatt": "temporary",
    "midlertidig ansettelse": "temporary",
}  # fmt: skip

TEMPORARY_REASONS: Mapping[str, str] = {
    "substitute": "substitute", "vikar": "substitute", "vikariat": "substitute",
    "project": "project", "prosjekt": "project",
    "trainee": "trainee",
    "wage_subsidy": "wage_subsidy", "lønnstilskudd": "wage_subsidy",
    "administrative": "administrative", "administrativ": "administrative",
    "other": "other", "annet": "other", "annen": "other",
}  # fmt: skip

TARGET_GROUPS: Mapping[str, str] = {
    "none": "none", "ingen": "none",
    "disability": "disability", "funksjonsnedsettelse": "disability",
    "nedsatt funksjonsevne": "disability",
    "cv_gap": "cv_gap", "hull i cv": "cv_gap", "hull i cv-en": "cv_gap",
    "both": "both", "begge": "both",
}  # fmt: skip

BOOLEANS: Mapping[str, bool] = {
    "yes": True, "no": False, "ja": True, "nei": False, "j": True, "n": False,
    "y": True, "true": True, "false": False, "sann": True, "usann": False,
    "1": True, "0": False, "x": True,
}  # fmt: skip

C = ColumnSpec
WORKFORCE: tuple[ColumnSpec, ...] = (
    C("employee_id", "ansattnummer", Kind.TEXT, required=True, check=Check.UNIQUE,
      extra_aliases=("ansattnr", "ansatt-id")),
    C("gender", "kjønn", Kind.GENDER, required=True, choices=GENDERS),
    C("level", "stillingsnivå", Kind.TEXT, required=True),
    C("level_rank", "nivårekkefølge", Kind.INTEGER),
    C("fte_percent", "stillingsprosent", Kind.NUMBER, required=True, check=Check.FTE),
    C("employment_type", "ansettelsesform", Kind.CHOICE, required=True,
      choices=EMPLOYMENT_TYPES),
    C("annual_base_pay", "årslønn", Kind.NUMBER, required=True, check=Check.NON_NEGATIVE),
    C("unit", "enhet", Kind.TEXT),
    C("location", "arbeidssted", Kind.TEXT),
    C("position_category", "stillingskategori", Kind.TEXT),
    C("styrk", "yrkeskode", Kind.TEXT),
    C("birth_year", "fødselsår", Kind.YEAR),
    C("is_manager", "personalansvar", Kind.BOOLEAN),
    C("temporary_reason", "midlertidig grunnlag", Kind.CHOICE, choices=TEMPORARY_REASONS),
    C("involuntary_part_time", "ufrivillig deltid", Kind.BOOLEAN),
    C("fixed_allowances", "faste tillegg", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("variable_pay", "variable tillegg", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("overtime_hours", "overtidstimer", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("parental_leave_weeks", "foreldrepermisjon uker", Kind.NUMBER,
      check=Check.NON_NEGATIVE),
    C("has_child_under_12", "barn under 12", Kind.BOOLEAN),
    C("child_sick_days", "sykt barn-dager", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("sick_leave_days", "tapte dagsverk", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("planned_work_days", "avtalte dagsverk", Kind.NUMBER, check=Check.NON_NEGATIVE),
    C("start_date", "ansettelsesdato", Kind.DATE),
    C("end_date", "sluttdato", Kind.DATE),
    C("target_group", "målgruppe", Kind.CHOICE, choices=TARGET_GROUPS),
)  # fmt: skip

APPLICATIONS: tuple[ColumnSpec, ...] = (
    C("application_id", "søknadsnummer", Kind.TEXT, required=True, check=Check.UNIQUE,
      extra_aliases=("søknad-id",)),
    C("case_id", "saksnummer", Kind.TEXT),
    C("gender", "kjønn", Kind.GENDER, required=True, choices=GENDERS),
    C("interviewed", "intervjuet", Kind.BOOLEAN),
    C("hired", "ansatt", Kind.BOOLEAN, required=True),
    C("target_group", "målgruppe", Kind.CHOICE, choices=TARGET_GROUPS),
)  # fmt: skip

_SEPARATORS = re.compile(r"[\s_\-]+")


def header_key(name: str) -> str:
    """Header names match case-insensitively, with `_`, `-` and spaces treated alike."""
    return _SEPARATORS.sub(" ", name.strip().lower()).strip()


def header_index(specs: tuple[ColumnSpec, ...]) -> dict[str, ColumnSpec]:
    index: dict[str, ColumnSpec] = {}
    for spec in specs:
        for name in (spec.name, spec.alias, *spec.extra_aliases):
            index[header_key(name)] = spec
    return index
