"""The interview calendar file and the NAV Arbeidsplassen payload."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from lim.recruitment.ics import calendar_event
from lim.recruitment.models import JobAd
from lim.recruitment.nav_payload import ad_transfer, employer_address
from lim.recruitment.selectors import interview_calendar
from lim.recruitment.services import ads, interviews
from tests.recruitment.conftest import (
    AFTER_DEADLINE,
    DEADLINE,
    NOW,
    People,
    apply,
    assess,
    in_selection,
    invite,
    open_case,
    published_case,
    record_checkpoint,
    write_analysis,
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
    assert nav_violations(payload) == []


# The field rules of pam-import-api (docs/index.md, TransferDTO.kt and
# PropertyNameValueValidation.kt, summarised in pam-import-api_valid-values.json): the
# main fields and the employer's postal code are required; every property is a known
# name with a text value; the enumerated properties take one of the listed values, the
# multi-valued ones a JSON list of them.
REQUIRED = ("reference", "positions", "title", "adText", "privacy", "published", "expires")
REQUIRED_EMPLOYER = ("reference", "businessName")
ENUMERATED = {
    name.split(" (")[0]: values
    for name, values in VALID.items()
    if not name.startswith("_")
    and name.split(" (")[0] in VALID["property names (PropertyNames.kt)"]
}
MULTI = {name.split(" (")[0] for name in VALID if "(multi" in name}
NO_DATE = re.compile(r"^\d{2}\.\d{2}\.\d{4}$")
LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")


def nav_violations(payload: dict[str, Any]) -> list[str]:
    """Every way the payload breaks the field rules (empty when it passes)."""
    problems = [f"missing {key}" for key in REQUIRED if payload.get(key) in (None, "", [], {})]
    if not isinstance(payload.get("positions"), int) or payload["positions"] < 1:
        problems.append("positions is not a positive number")
    if payload.get("privacy") not in VALID["privacy"]:
        problems.append(f"privacy {payload.get('privacy')!r}")
    for key in ("published", "expires"):
        if not LOCAL_TIME.match(str(payload.get(key, ""))):
            problems.append(f"{key} is not a local date and time")
    employer = payload.get("employer") or {}
    problems += [f"missing employer.{key}" for key in REQUIRED_EMPLOYER if not employer.get(key)]
    if not re.fullmatch(r"\d{4}", str((employer.get("location") or {}).get("postalCode", ""))):
        problems.append("employer.location.postalCode is not four digits")
    for location in payload.get("locationList", []):
        if location.get("postalCode") and not re.fullmatch(r"\d{4}", location["postalCode"]):
            problems.append("locationList postalCode is not four digits")
    properties = payload.get("properties") or {}
    for name, value in properties.items():
        if name not in VALID["property names (PropertyNames.kt)"]:
            problems.append(f"unknown property {name}")
        elif not isinstance(value, str) or not value:
            problems.append(f"property {name} is not a text")
        elif name in MULTI:
            chosen = json.loads(value)
            if not isinstance(chosen, list) or not set(chosen) <= set(ENUMERATED[name]):
                problems.append(f"property {name} {value!r}")
        elif name in ENUMERATED and value not in ENUMERATED[name]:
            problems.append(f"property {name} {value!r}")
    for name in ("applicationdue", "starttime"):
        if name in properties and not (
            NO_DATE.match(properties[name]) or properties[name] == "Snarest"
        ):
            problems.append(f"property {name} is not dd.mm.yyyy")
    for category in payload.get("categoryList", []):
        if category.get("categoryType") not in VALID["categoryList.categoryType"]:
            problems.append(f"categoryType {category.get('categoryType')!r}")
        if not category.get("code"):
            problems.append("category without a code")
    return problems


def test_the_field_rules_cover_every_enumerated_property() -> None:
    assert set(ENUMERATED) == {
        "extent",
        "engagementtype",
        "jobarrangement",
        "workday",
        "workhours",
        "workLanguage",
        "sector",
        "remote",
        "euresflagg",
    }
    assert {"workday", "workhours", "workLanguage"} == MULTI


def test_the_field_rules_pass_a_good_payload_and_catch_each_broken_field() -> None:
    good: dict[str, Any] = {
        "reference": "1",
        "positions": 1,
        "title": "Rådgiver",
        "adText": "<p>Tekst</p>",
        "privacy": "SHOW_ALL",
        "published": "2026-03-02T10:00:00",
        "expires": "2026-03-21T00:00:00",
        "employer": {
            "reference": "o",
            "businessName": "Etaten",
            "location": {"postalCode": "5003"},
        },
        "properties": {"extent": "Heltid", "workday": '["Ukedager"]', "applicationdue": "Snarest"},
        "categoryList": [{"code": "2619", "categoryType": "STYRK08"}],
    }
    assert nav_violations(good) == []
    broken = json.loads(json.dumps(good))
    broken["privacy"] = "PUBLIC"
    broken["positions"] = 0
    del broken["adText"]
    broken["employer"]["location"]["postalCode"] = "503"
    broken["properties"].update(
        extent="Full time", workday='["Mandag"]', colour="blå", applicationdue="2026-03-20"
    )
    broken["categoryList"][0]["categoryType"] = "STYRK"
    assert sorted(nav_violations(broken)) == sorted(
        [
            "missing adText",
            "positions is not a positive number",
            "privacy 'PUBLIC'",
            "employer.location.postalCode is not four digits",
            "property extent 'Full time'",
            "property workday '[\"Mandag\"]'",
            "unknown property colour",
            "property applicationdue is not dd.mm.yyyy",
            "categoryType 'STYRK'",
        ]
    )


def _published(people: People, **analysis: object) -> JobAd:
    case = open_case(people)
    record_checkpoint(people, case)
    write_analysis(people, case, **analysis)
    ad = ads.ad_generate(actor=people.hr, case=case, now=NOW)
    ads.ad_update(
        actor=people.hr,
        ad=ad,
        title=ad.title,
        body=ad.body,
        deadline=DEADLINE,
        channels=["career_site", "nav"],
        now=NOW,
    )
    ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    return JobAd.objects.get(case=case)


@pytest.mark.parametrize(
    ("analysis", "extent", "engagement"),
    [
        ({}, "Heltid", "Fast"),
        (
            {
                "employment_form": "temporary",
                "temporary_basis": "b",
                "temporary_start": dt.date(2026, 6, 1),
                "temporary_end": dt.date(2027, 5, 31),
                "fte_percent": 60,
                "salary_max": 650000,
            },
            "Deltid",
            "Vikariat",
        ),
        (
            {"employment_form": "temporary", "temporary_basis": "a", "occupation_code": ""},
            "Heltid",
            "Engasjement",
        ),
    ],
)
def test_every_kind_of_ad_passes_the_field_rules(
    people: People, analysis: dict[str, object], extent: str, engagement: str
) -> None:
    ad = _published(people, **analysis)
    for extra in ({}, {"city": "Bergen", "application_url": "https://x.example/a"}):
        payload = ad_transfer(ad, postal_code="5003", **extra)  # type: ignore[arg-type]
        assert nav_violations(payload) == []
        assert payload["properties"]["extent"] == extent
        assert payload["properties"]["engagementtype"] == engagement


def test_the_job_location_never_mixes_the_employers_postal_code_with_the_jobs_town(
    people: People,
) -> None:
    organisation = people.world.organisation
    organisation.postal_code, organisation.postal_town = "6900", "Florø"
    organisation.save()
    ad = _published(people, location="Bergen")
    address = employer_address(organisation, "", "")
    payload = ad_transfer(ad, **address)
    # The employer keeps its own address; the job is in Bergen, without Florø's code.
    assert payload["employer"]["location"] == {
        "postalCode": "6900",
        "city": "Florø",
        "country": "NORGE",
    }
    assert payload["locationList"] == [{"city": "Bergen", "country": "NORGE"}]
    assert nav_violations(payload) == []
    # A job in the employer's own town takes the employer's postal code with it.
    in_floro = _published(people, location="Florø")
    assert ad_transfer(in_floro, **address)["locationList"][0]["postalCode"] == "6900"


def test_the_nav_payload_sends_the_whole_salary_range(people: People) -> None:
    ad = _published(people, salary_min=550000, salary_max=650000)
    salary = ad_transfer(ad, postal_code="5003", city="Bergen")["properties"]["salary"]
    assert salary == "550\u00a0000–650\u00a0000 kr per år"
    only_max = _published(people, salary_max=650000)
    properties = ad_transfer(only_max, postal_code="5003")["properties"]
    assert properties["salary"] == "Opptil 650\u00a0000 kr per år"
    assert "salary" not in ad_transfer(_published(people), postal_code="5003")["properties"]
