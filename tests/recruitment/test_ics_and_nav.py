"""The interview calendar file and the NAV Arbeidsplassen payload."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lim.recruitment.ics import calendar_event
from lim.recruitment.nav_payload import ad_transfer
from lim.recruitment.selectors import interview_calendar
from lim.recruitment.services import interviews
from tests.recruitment.conftest import (
    AFTER_DEADLINE,
    People,
    apply,
    assess,
    in_selection,
    invite,
    published_case,
)

OSLO = dt.timezone(dt.timedelta(hours=1))
VALID = json.loads(
    (Path(__file__).with_name("data") / "pam-import-api_valid-values.json").read_text(
        encoding="utf-8"
    )
)


def test_ics_has_crlf_lines_uid_and_utc_times() -> None:
    text = calendar_event(
        uid="abc@lim",
        starts_at=dt.datetime(2026, 4, 1, 10, 0, tzinfo=OSLO),
        ends_at=dt.datetime(2026, 4, 1, 11, 0, tzinfo=OSLO),
        summary="Intervju: Rådgiver, klagesaker; Bergen",
        stamp=dt.datetime(2026, 3, 23, 9, 0, tzinfo=dt.UTC),
        location="Møterom 3",
        description="Linje én\nLinje to " + "x" * 120,
    )
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert "\n" not in "".join(lines)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "UID:abc@lim" in lines
    assert "DTSTART:20260401T090000Z" in lines
    assert "DTEND:20260401T100000Z" in lines
    assert "SUMMARY:Intervju: Rådgiver\\, klagesaker\\; Bergen" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long description is folded


def test_ics_refuses_naive_times() -> None:
    with pytest.raises(ValueError):
        calendar_event(
            uid="x",
            starts_at=dt.datetime(2026, 4, 1, 10),
            ends_at=dt.datetime(2026, 4, 1, 11),
            summary="x",
            stamp=dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC),
        )


def test_interview_invitation_names_the_position_not_the_applicant(people: People) -> None:
    case = published_case(people)
    application = apply(case, "Ola Nordmann")
    case = in_selection(people, case)
    assess(people, application, qualified=True)
    invite(people, case, [application])
    interview = interviews.interview_schedule(
        actor=people.hr,
        application=application,
        starts_at=dt.datetime(2026, 4, 1, 10, tzinfo=dt.UTC),
        ends_at=dt.datetime(2026, 4, 1, 11, tzinfo=dt.UTC),
        video_link="https://video.example/rom/1",
        panel=[people.manager],
        now=AFTER_DEADLINE,
    )
    text = interview_calendar(interview=interview, language="en", stamp=AFTER_DEADLINE)
    assert "SUMMARY:Interview: Rådgiver klagesaker" in text
    assert "Nordmann" not in text
    assert f"UID:{interview.id}@lim" in text


def test_nav_payload_has_required_fields_and_valid_values(people: People) -> None:
    case = published_case(people)
    payload = ad_transfer(
        case.ad, postal_code="5003", city="Bergen", application_url="https://x.example/a"
    )
    for key in ("reference", "positions", "title", "adText", "privacy", "published", "expires"):
        assert payload[key], key
    assert payload["reference"] == str(case.id)
    employer = payload["employer"]
    assert employer["businessName"] == "Testetaten" and employer["reference"]
    assert employer["location"]["postalCode"] == "5003"
    assert payload["privacy"] in VALID["privacy"]
    properties = payload["properties"]
    assert set(properties) <= set(VALID["property names (PropertyNames.kt)"])
    assert properties["extent"] in VALID["extent"]
    assert (
        properties["engagementtype"] in VALID["engagementtype"]
        and properties["engagementtype"] == "Fast"
    )
    assert properties["sector"] in VALID["sector"] and properties["sector"] == "Offentlig"
    assert properties["applicationdue"] == "20.03.2026"
    assert payload["expires"] == "2026-03-21T00:00:00"
    assert payload["published"] == "2026-03-02T10:00:00"  # Oslo time
    category = payload["categoryList"][0]
    assert category["categoryType"] in VALID["categoryList.categoryType"]
    assert (category["code"], category["name"]) == ("2619", "Andre juridiske yrker")
    assert payload["adText"].startswith("<p>") and "<script" not in payload["adText"]
