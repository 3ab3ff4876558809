"""Logs without secrets: the token of an applicant's private link
(/stillinger/kvittering/<token>/...) and the user id and token of a password-reset link
(/passord/ny/<uidb64>/<token>/) are replaced before a line is written, in gunicorn's
access log and in Django's own log (for example "Not Found: <path>")."""

from __future__ import annotations

import logging
import re
from typing import Any

from gunicorn.glogging import Logger

_PRIVATE_LINK = re.compile(r"(/kvittering/)[^/?\s\"']+")
# Whoever reads a reset link can set the account's password; Django's own view also
# redirects to /passord/ny/<uidb64>/set-password/, which names the account.
_PASSWORD_RESET_LINK = re.compile(r"(/passord/ny/)[^/?\s\"']+(?:/[^/?\s\"']+)?")


def redact_path(text: str) -> str:
    text = _PRIVATE_LINK.sub(r"\1[token]", text)
    return _PASSWORD_RESET_LINK.sub(r"\1[token]", text)


class PrivateLinkFilter(logging.Filter):
    """A logging filter for every handler: the message with private links replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_path(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class RedactingLogger(Logger):  # type: ignore[misc]
    """gunicorn's logger (`lim serve --logger-class`), with private links replaced."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{referer}i"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact_path(atoms[key])
        return atoms
