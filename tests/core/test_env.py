"""The settings helpers fail loudly, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lim.env import (
    ImproperlyConfiguredError,
    env_bool,
    env_database_url,
    env_int,
    env_list,
    env_path,
    env_str,
)


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("YES", True), ("0", False), ("off", False)]
)
def test_env_bool_accepts_common_spellings(raw: str, expected: bool) -> None:
    assert env_bool("FLAG", False, environ={"FLAG": raw}) is expected


@pytest.mark.parametrize(
    ("helper", "value", "message"),
    [
        (lambda e: env_bool("DEBUG", False, environ=e), "maybe", "DEBUG must be true or false"),
        (lambda e: env_int("DEBUG", 1, environ=e), "ten", "DEBUG must be a whole number"),
        (lambda e: env_int("DEBUG", 1, minimum=0, environ=e), "-1", "DEBUG must be at least 0"),
        (lambda e: env_int("DEBUG", 1, maximum=9, environ=e), "10", "DEBUG must be at most 9"),
        (lambda e: env_list("DEBUG", [], environ=e), "a,,b", "DEBUG must be a comma-separated"),
        (
            lambda e: env_path("DEBUG", Path("/x"), environ=e),
            "relative/dir",
            "DEBUG must be an absolute path",
        ),
        (
            lambda e: env_database_url("DEBUG", "sqlite://", environ=e),
            "mysql://x/y",
            "DEBUG must start with",
        ),
    ],
)
def test_helpers_reject_bad_values(helper, value: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImproperlyConfiguredError, match=message):
        helper({"DEBUG": value})


def test_required_value_missing() -> None:
    with pytest.raises(ImproperlyConfiguredError, match="SECRET_KEY is required"):
        env_str("SECRET_KEY", environ={})


def test_secret_from_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cret-from-file\n")
    assert env_str("SECRET_KEY", environ={"SECRET_KEY_FILE": str(secret)}) == "s3cret-from-file"
    with pytest.raises(ImproperlyConfiguredError, match="SECRET_KEY_FILE: cannot read"):
        env_str("SECRET_KEY", environ={"SECRET_KEY_FILE": str(tmp_path / "missing")})


def test_defaults_and_lists() -> None:
    assert env_list("HOSTS", ["a"], environ={"HOSTS": "x.no, y.no"}) == ["x.no", "y.no"]
    assert env_int("N", 7, environ={"N": ""}) == 7


def _import_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import lim.settings"], env=clean, capture_output=True, text=True
    )


def test_settings_refuse_to_start_without_secret_key_outside_debug() -> None:
    result = _import_settings(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_settings_refuse_short_secret_key() -> None:
    result = _import_settings(DEBUG="false", SECRET_KEY="short")
    assert "SECRET_KEY must be at least 32 characters" in result.stderr


def test_settings_refuse_malformed_debug_flag() -> None:
    result = _import_settings(DEBUG="perhaps")
    assert "DEBUG must be true or false" in result.stderr


def test_production_settings_are_secure_by_default() -> None:
    code = (
        "import lim.settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS > 0, s.X_FRAME_OPTIONS)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"LIM_HTTPS", "DEBUG"}}
    clean["SECRET_KEY"] = "x" * 40
    result = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)
    assert result.stdout.split() == ["True", "True", "True", "DENY"]
