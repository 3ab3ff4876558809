"""Typed readers for settings from environment variables.

Each helper fails loudly with the variable's name when a value is malformed, so a
misconfigured deployment stops at start-up instead of misbehaving later.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class ImproperlyConfiguredError(Exception):
    """A setting from the environment is missing or malformed."""


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    env = os.environ if environ is None else environ
    value = env.get(name)
    if value is None:
        file_name = env.get(f"{name}_FILE")
        if file_name:
            try:
                value = Path(file_name).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ImproperlyConfiguredError(
                    f"{name}_FILE: cannot read {file_name!r}: {exc.strerror}"
                ) from exc
    if value is not None and value.strip() == "":
        return None
    return value


def env_str(
    name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    if value is None:
        if default is None:
            raise ImproperlyConfiguredError(f"{name} is required but not set")
        return default
    return value


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfiguredError(f"{name} must be true or false, not {value!r}")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    value = _raw(name, environ)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfiguredError(f"{name} must be a whole number, not {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfiguredError(f"{name} must be at least {minimum}, not {number}")
    if maximum is not None and number > maximum:
        raise ImproperlyConfiguredError(f"{name} must be at most {maximum}, not {number}")
    return number


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfiguredError(
            f"{name} must be a comma-separated list without empty items"
        )
    return items


def env_path(name: str, default: Path, *, environ: Mapping[str, str] | None = None) -> Path:
    value = _raw(name, environ)
    path = default if value is None else Path(value)
    if not path.is_absolute():
        raise ImproperlyConfiguredError(f"{name} must be an absolute path, not {str(path)!r}")
    return path


def env_database_url(name: str, default: str, *, environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ) or default
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfiguredError(
            f"{name} must start with sqlite:// or postgres://, not {scheme or value!r}"
        )
    return value
