"""Secrets in URLs never reach a log: private receipt links and password-reset links."""

from __future__ import annotations

import logging

import pytest

from lim.core.redaction import PrivateLinkFilter, redact_path


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("GET /passord/ny/MQ/cz1abc-0123456789abcdef/", "GET /passord/ny/[token]/"),
        ("GET /passord/ny/MQ/set-password/ 200", "GET /passord/ny/[token]/ 200"),
        ('"GET /passord/ny/MQ/cz1abc-0123"', '"GET /passord/ny/[token]"'),
        ("/stillinger/kvittering/abc123/trekk/", "/stillinger/kvittering/[token]/trekk/"),
        ("/passord/glemt/", "/passord/glemt/"),
    ],
)
def test_redact_path_hides_reset_and_receipt_tokens(line: str, expected: str) -> None:
    assert redact_path(line) == expected


def test_django_log_filter_hides_a_password_reset_link() -> None:
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/passord/ny/MQ/tok-1/",),
        None,
    )
    assert PrivateLinkFilter().filter(record)
    assert record.getMessage() == "Not Found: /passord/ny/[token]/"
    assert "tok-1" not in record.getMessage()
