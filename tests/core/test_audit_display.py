"""The audit log in words: every event the code records has a translated name."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

import lim
from lim.core.audit_display import EVENT_NAMES, event_name

SOURCE = Path(lim.__file__).parent


def test_every_recorded_event_has_a_name() -> None:
    recorded = set()
    for path in SOURCE.rglob("*.py"):
        recorded |= set(re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text()))
    recorded |= {"interview.held", "interview.cancelled"}  # action=f"interview.{status}"
    assert sorted(recorded - set(EVENT_NAMES)) == []


def test_names_are_translated_and_unknown_codes_stay_readable() -> None:
    with translation.override("nn"):
        assert event_name("application.status") == "Søknadsstatus endra"
    assert event_name("something.new") == "something.new"
