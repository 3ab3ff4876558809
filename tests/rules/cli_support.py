"""Facts for the command-line tests, in the shapes of formats/rules-cli.md, and helpers
that run `lim rules` through cli.main."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from lim.rules.cli import main

ILL = {"start": "2021-01-01", "end": "2022-12-31", "cause": "illness"}
CVGAP = {
    "application_date": "2026-03-01",
    "absences": [ILL],
    "current_employment": {"kind": "temporary", "start": "2025-10-01", "end": "2026-06-30"},
}
INTERVIEW = {
    "applicants": [
        {"id": "a1", "qualified": True, "declared": ["disability", "cv_gap"], "invited": False},
        {"id": "a2", "qualified": True, "declared": ["disability"], "invited": True},
    ]
}
WAGE = {
    "start": "2026-01-01",
    "end": "2027-12-31",
    "monthly_salary": 50000,
    "holiday_pay_rate": 0.12,
    "pension_rate": 0.02,
    "employer_tax_rate": 0.141,
    "reduced_work_capacity": True,
}
ROUTE = {
    "route": "administrative",
    "employment": "temporary",
    "temporary_basis": "a",
    "start": "2026-01-01",
    "end": "2026-09-30",
    "staff_regulations_allow_12_months": False,
    "target_group": ["cv_gap"],
    "has_wage_subsidy": True,
    "completed_trainee_here": False,
}
RECOMMENDATION = {
    "applicants": [
        {"id": "a", "qualified": True, "declared": [], "invited": True},
        {"id": "b", "qualified": True, "declared": ["cv_gap"], "invited": True},
    ],
    "ranking": [
        {"applicant": "a", "rank": 1, "justification": "Mest erfaring."},
        {"applicant": "b", "rank": 2, "justification": ""},
    ],
    "assessment_comment": "",
}
KARI = {
    "id": "a",
    "name": "Kari Nordmann",
    "birth_date": "1990-06-15",
    "position": "Rådgiver",
    "municipality": "Bergen",
    "gender": "female",
}
OLA = {
    "id": "b",
    "name": "Ola Nordmann",
    "birth_date": "1985-01-01",
    "position": "Jurist",
    "municipality": "Oslo",
    "exemption": {"reason": "Arbeidsgiver vet ikke", "decision": None},
}
APPLICANT_LIST = {
    "deadline": "2026-03-01",
    "applicants": [KARI, OLA],
    "published_on": None,
    "published_ids": [],
}
OTHER_RULES = {
    "TG-DISABILITY": {"declares_disability": True, "requires_accommodation": False},
    "SEL-INTERVIEW-DISABILITY": INTERVIEW,
    "SEL-INTERVIEW-CVGAP": INTERVIEW,
    "SEL-EQUAL-QUALIFIED": RECOMMENDATION,
    "SEL-QUALIFICATION": RECOMMENDATION,
    "SEL-REC-COUNTS": RECOMMENDATION,
    "ROUTE-ANNOUNCE": ROUTE,
    "ROUTE-TEMP-BASIS": ROUTE,
    "ROUTE-THREE-YEARS": {"periods": [{"start": "2023-01-01", "end": None, "basis": "b"}]},
    "ROUTE-TEMP-DISCUSSION": {
        "last_discussion": "2025-01-15",
        "temporary_employments": [{"start": "2025-01-01", "end": "2026-12-31", "basis": "a"}],
    },
    "ROUTE-FULL-TIME": {"employment": "permanent", "fte_percent": 60, "justification": ""},
    "ROUTE-NAV-REPORT": {"announcement_required": True, "reported_to_nav": False},
    "NAV-CHECKPOINT": {"checkpoint": None},
    "APPLICANT-LIST": APPLICANT_LIST,
    "APPLICANT-LIST-TIMING": APPLICANT_LIST,
    "APPLICANT-LIST-EXEMPTION": APPLICANT_LIST,
    "APPLICANT-LIST-NOTIFY": APPLICANT_LIST,
    "APPLICANT-LIST-PUBLISHED": APPLICANT_LIST,
    "RETENTION": {"case_closed": "2025-01-01", "interviewed": False, "hired": False},
    "INCLUSION-COUNT": {
        "hires": [
            {
                "hired_on": "2024-02-01",
                "unit": "IT",
                "declared": ["disability"],
                "statistics_consent": True,
                "route": "ordinary",
                "employment": "permanent",
                "channels": ["nav"],
            },
            {"hired_on": "2021-02-01", "route": "wage_subsidy"},
        ],
        "viewer_is_coordinator": False,
        "baseline_counts": {"2020": 1},
    },
}


MORE_FACTS = {
    "permanent-job": (
        "TG-CVGAP",
        {**CVGAP, "current_employment": {"kind": "permanent", "start": "2020-01-01"}},
        ["Søkeren har fast stilling, og er derfor ikke i målgruppen."],
    ),
    "checkpoint-recorded": (
        "NAV-CHECKPOINT",
        {
            "checkpoint": {
                "can_target_group_fill": True,
                "ask_nav": False,
                "reason": "Haster",
                "route": "administrative",
            }
        },
        [
            "Behovet kan dekkes av en person fra målgruppene, men NAV spørres ikke om "
            "kandidater. Vurder å spørre NAV."
        ],
    ),
    "published-list": (
        "APPLICANT-LIST-PUBLISHED",
        {
            **APPLICANT_LIST,
            "published_on": "2026-03-02",
            "published_ids": ["a"],
            "applicants": [{**KARI, "withdrawn": True}],
        },
        ["Listen er allerede publisert, og navn kan ikke fjernes fra den: Kari Nordmann."],
    ),
    "no-hires": ("INCLUSION-COUNT", {"hires": []}, []),
    "full-time-for-inclusion": (
        "ROUTE-FULL-TIME",
        {
            "employment": "temporary",
            "fte_percent": 100,
            "chosen_for_inclusion": True,
            "justification": "Lønnstilskudd fra NAV",
        },
        [
            "Stillingen er midlertidig for å inkludere en person fra målgruppene, og telles for "
            "seg i tallene."
        ],
    ),
}


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def evaluate(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    facts: object,
    *extra: str,
) -> dict[str, Any]:
    args = ["eval", rule, "--facts", "-", "--today", "2026-03-02", *extra]
    code, out, err = run(capsys, monkeypatch, args, json.dumps(facts))
    assert (code, err) == (0, "")
    report: dict[str, Any] = json.loads(out)
    assert list(report) == ["rule", "source", "result", "findings"]
    for finding in report["findings"]:
        assert list(finding) == ["rule", "level", "source", "message"]
        assert finding["level"] in {"block", "warn", "info"}
    return report
