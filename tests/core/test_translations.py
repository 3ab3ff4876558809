"""Every UI string is translated: the catalogues are complete and up to date.

English is the source language of the msgids, so nb and nn carry every translation.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "lim" / "locale"
SOURCE = LOCALE.parent


def _entries(po_file: Path) -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) per entry, read with Python's own .po grammar."""
    entries: list[tuple[str, list[str], bool]] = []
    msgid: list[str] = []
    strs: list[list[str]] = []
    fuzzy = False
    current: list[str] | None = None

    def flush() -> None:
        if msgid or strs:
            entries.append(("".join(msgid), ["".join(s) for s in strs], fuzzy))

    for raw in po_file.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            msgid, strs, current, fuzzy = [], [], None, True
        elif line.startswith("msgid "):
            if strs:
                flush()
                msgid, strs, fuzzy = [], [], False
            msgid = [eval(line[6:])]
            current = msgid
        elif line.startswith("msgid_plural "):
            current = []
        elif line.startswith("msgstr"):
            strs.append([ast.literal_eval(line.split(" ", 1)[1])])
            current = strs[-1]
        elif line.startswith('"') and current is not None:
            current.append(ast.literal_eval(line))
    flush()
    return [e for e in entries if e[0]]  # drop the header


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_entry_is_untranslated_or_fuzzy(lang: str) -> None:
    entries = _entries(LOCALE / lang / "LC_MESSAGES" / "django.po")
    assert entries
    untranslated = [msgid for msgid, strs, fuzzy in entries if fuzzy or not all(strs)]
    assert untranslated == []


def test_catalogues_contain_every_string_in_the_code(tmp_path: Path) -> None:
    """New strings in code or templates must reach the catalogues (make makemessages)."""
    if not shutil.which("xgettext"):
        pytest.fail("xgettext is missing: install Debian's gettext (make test does)")
    copy = tmp_path / "lim"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (copy / "locale").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nb", "--no-location", "-v0"],
        cwd=copy,
        env=env,
        check=True,
    )
    wanted = {
        msgid for msgid, _, _ in _entries(copy / "locale" / "nb" / "LC_MESSAGES" / "django.po")
    }
    have = {msgid for msgid, _, _ in _entries(LOCALE / "nb" / "LC_MESSAGES" / "django.po")}
    assert sorted(wanted - have) == []


def test_nynorsk_wording_testers_reported() -> None:
    from django.utils import translation

    with translation.override("nn"):
        assert translation.gettext("Mark as read") == "Merk som lesen"
