"""Reading JSON facts into typed values. Every error names the field it concerns, as
`absences[1].start: not a date (YYYY-MM-DD)`, so the person who wrote the facts can fix
them. Unknown fields are errors too: a misspelt field would otherwise be silently ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from lim.rules.base import OrganisationSettings, Sector

E = TypeVar("E", bound=StrEnum)
Object = Mapping[str, object]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ORGANISATION_KEYS = frozenset({"sector", "disabled_policy_rules"})


class FactsError(ValueError):
    """The facts are not valid; `field` says where."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def _reject_constant(name: str) -> object:
    raise FactsError("facts", f"{name} is not a number")


def load_json(text: str) -> object:
    """Parse JSON with decimals kept exact (no binary floats for money and rates)."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise FactsError(
            "facts", f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None


def field_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def as_object(value: object, path: str, *, keys: Iterable[str]) -> Object:
    if not isinstance(value, dict):
        raise FactsError(path or "facts", "not an object")
    allowed = set(keys)
    for key in value:
        if key not in allowed:
            raise FactsError(field_path(path, str(key)), "unknown field")
    return value


def _required(obj: Object, key: str, path: str) -> object:
    if key not in obj:
        raise FactsError(field_path(path, key), "missing")
    return obj[key]


def _date(value: object, where: str) -> date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise FactsError(where, "not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FactsError(where, "not a date (YYYY-MM-DD)") from None


def get_date(obj: Object, key: str, path: str) -> date:
    return _date(_required(obj, key, path), field_path(path, key))


def get_optional_date(obj: Object, key: str, path: str) -> date | None:
    value = obj.get(key)
    return None if value is None else _date(value, field_path(path, key))


def get_bool(obj: Object, key: str, path: str, *, default: bool | None = None) -> bool:
    if key not in obj and default is not None:
        return default
    value = _required(obj, key, path)
    if not isinstance(value, bool):
        raise FactsError(field_path(path, key), "not true or false")
    return value


def get_optional_bool(obj: Object, key: str, path: str) -> bool | None:
    if obj.get(key) is None:
        return None
    return get_bool(obj, key, path)


def get_int(obj: Object, key: str, path: str, *, minimum: int | None = None) -> int:
    value = _required(obj, key, path)
    if isinstance(value, bool) or not isinstance(value, int):
        raise FactsError(field_path(path, key), "not a whole number")
    if minimum is not None and value < minimum:
        raise FactsError(field_path(path, key), f"must be at least {minimum}")
    return value


def get_decimal(
    obj: Object, key: str, path: str, *, minimum: Decimal, maximum: Decimal | None = None
) -> Decimal:
    value = _required(obj, key, path)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise FactsError(field_path(path, key), "not a number")
    number = Decimal(value)
    if number < minimum or (maximum is not None and number > maximum):
        span = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise FactsError(field_path(path, key), f"must be {span}")
    return number


def get_str(obj: Object, key: str, path: str, *, default: str | None = None) -> str:
    if obj.get(key) is None and default is not None:
        return default
    value = _required(obj, key, path)
    if not isinstance(value, str):
        raise FactsError(field_path(path, key), "not a text")
    return value


def _enum(value: object, where: str, kind: type[E]) -> E:
    choices = [member.value for member in kind]
    if not isinstance(value, str) or value not in choices:
        raise FactsError(where, f"must be one of {', '.join(choices)}")
    return kind(value)


def get_enum(obj: Object, key: str, path: str, kind: type[E], *, default: E | None = None) -> E:
    if key not in obj and default is not None:
        return default
    return _enum(_required(obj, key, path), field_path(path, key), kind)


def get_optional_enum(obj: Object, key: str, path: str, kind: type[E]) -> E | None:
    value = obj.get(key)
    return None if value is None else _enum(value, field_path(path, key), kind)


def get_list(
    obj: Object, key: str, path: str, *, required: bool = False
) -> list[tuple[object, str]]:
    """Items with their paths (`absences[0]`); a missing list is empty unless required."""
    value = _required(obj, key, path) if required else obj.get(key, [])
    if not isinstance(value, list):
        raise FactsError(field_path(path, key), "not a list")
    return [(item, f"{field_path(path, key)}[{i}]") for i, item in enumerate(value)]


def get_enum_set(obj: Object, key: str, path: str, kind: type[E]) -> frozenset[E]:
    return frozenset(_enum(item, where, kind) for item, where in get_list(obj, key, path))


def get_str_list(obj: Object, key: str, path: str) -> tuple[str, ...]:
    items = []
    for item, where in get_list(obj, key, path):
        if not isinstance(item, str):
            raise FactsError(where, "not a text")
        items.append(item)
    return tuple(items)


def get_organisation(
    data: object,
    *,
    staff_regulations_allow_12_months: bool = False,
    require_nav_checkpoint: bool = True,
) -> OrganisationSettings:
    """The optional organisation settings (`sector`, `disabled_policy_rules`) that any facts
    object may carry next to the rule's own facts."""
    obj = as_object(data, "", keys=data.keys() if isinstance(data, dict) else ())
    return OrganisationSettings(
        sector=get_enum(obj, "sector", "", Sector, default=Sector.STATE),
        staff_regulations_allow_12_months=staff_regulations_allow_12_months,
        require_nav_checkpoint=require_nav_checkpoint,
        disabled_policy_rules=frozenset(get_str_list(obj, "disabled_policy_rules", "")),
    )
