"""The audit log in words: every event the code records has a translated name."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import translation

import lim
from lim.core.audit_display import EVENT_NAMES, detail_lines, event_name
from lim.core.models import AuditEvent

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


def test_rule_findings_are_named_by_title() -> None:
    event = AuditEvent(action="recommendation.save", details={"findings": ["SEL-REC-COUNTS"]})
    with translation.override("en"):
        lines = detail_lines(event)
    assert [(line.name, line.value) for line in lines] == [
        ("Rule findings", "Target-group figures in the recommendation")
    ]
