"""`lim rules eval` with invalid facts or arguments: exit code 2 and a message on stderr
that names the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rules.cli_support import (
    APPLICANT_LIST,
    CVGAP,
    ILL,
    KARI,
    RECOMMENDATION,
    ROUTE,
    WAGE,
    run,
)


@pytest.mark.parametrize(
    ("rule", "facts", "message"),
    [
        pytest.param("NO-SUCH", "{}", "unknown rule 'NO-SUCH'", id="unknown-rule"),
        pytest.param("TG-CVGAP", "{", "facts: malformed JSON", id="malformed-json"),
        pytest.param("TG-CVGAP", "[]", "facts: not an object", id="not-an-object"),
        pytest.param("TG-CVGAP", {"absences": []}, "application_date: missing", id="missing-field"),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "absences": [ILL, {**ILL, "start": "2021-13-01"}]},
            "absences[1].start: not a date (YYYY-MM-DD)",
            id="absence-date-invalid",
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "application_date": "20260301"},
            "application_date: not a date",
            id="compact-date-rejected",
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "application_date": "2026-02-30"},
            "application_date: not a date",
            id="impossible-date",
        ),
        pytest.param(
            "TG-CVGAP",
            {
                **CVGAP,
                "absences": [{"start": "2022-01-01", "end": "2021-01-01", "cause": "illness"}],
            },
            "absences[0].end: before start",
            id="end-before-start",
        ),
        pytest.param(
            "TG-CVGAP",
            {
                **CVGAP,
                "absences": [{"start": "2022-01-01", "end": "2022-02-01", "cause": "holiday"}],
            },
            "absences[0].cause: must be one of illness, substance_abuse, imprisonment, "
            "job_seeking, other",
            id="unknown-cause",
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "absences": [{"strat": "2022-01-01"}]},
            "absences[0].strat: unknown field",
            id="misspelt-field",
        ),
        pytest.param(
            "TG-CVGAP", {**CVGAP, "absences": {}}, "absences: not a list", id="absences-not-a-list"
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "current_employment": {"kind": "temporary", "start": "2025-01-01"}},
            "current_employment.end: missing",
            id="temporary-job-needs-an-end",
        ),
        pytest.param(
            "TG-CVGAP", {**CVGAP, "sector": "church"}, "sector: must be one of", id="unknown-sector"
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "disabled_policy_rules": "RETENTION"},
            "disabled_policy_rules: not a list",
            id="policy-list-not-a-list",
        ),
        pytest.param(
            "TG-CVGAP",
            {**CVGAP, "disabled_policy_rules": [1]},
            "disabled_policy_rules[0]: not a text",
            id="policy-id-not-text",
        ),
        pytest.param(
            "SEL-INTERVIEW",
            {"applicants": [{"id": "a", "qualified": "yes"}]},
            "applicants[0].qualified: not true or false",
            id="qualified-not-boolean",
        ),
        pytest.param("SEL-INTERVIEW", {}, "applicants: missing", id="applicants-missing"),
        pytest.param(
            "SEL-INTERVIEW",
            {"applicants": [{"id": "a", "qualified": True}, {"id": "a", "qualified": False}]},
            'applicants[1].id: duplicate id "a"',
            id="duplicate-applicant",
        ),
        pytest.param(
            "SEL-QUALIFICATION",
            {**RECOMMENDATION, "ranking": [{"applicant": "x", "rank": 1}]},
            'ranking[0].applicant: no applicant with id "x"',
            id="ranking-unknown-applicant",
        ),
        pytest.param(
            "SEL-QUALIFICATION",
            {**RECOMMENDATION, "ranking": [{"applicant": "a", "rank": 0}]},
            "ranking[0].rank: must be at least 1",
            id="rank-zero",
        ),
        pytest.param(
            "SEL-QUALIFICATION",
            {**RECOMMENDATION, "ranking": [{"applicant": "a", "rank": 1.5}]},
            "ranking[0].rank: not a whole number",
            id="rank-not-whole",
        ),
        pytest.param(
            "ROUTE",
            {**ROUTE, "employment": "permanent"},
            "end: a permanent employment has no end date",
            id="permanent-with-end",
        ),
        pytest.param(
            "ROUTE",
            {**ROUTE, "temporary_basis": "f"},
            "temporary_basis: must be one of",
            id="unknown-basis",
        ),
        pytest.param(
            "WAGE-SUBSIDY",
            {**WAGE, "pension_rate": 0.5},
            "pension_rate: must be between 0 and 0.30",
            id="pension-rate-too-high",
        ),
        pytest.param(
            "WAGE-SUBSIDY",
            {**WAGE, "monthly_salary": "50000"},
            "monthly_salary: not a number",
            id="salary-as-text",
        ),
        pytest.param(
            "WAGE-SUBSIDY",
            {**WAGE, "monthly_salary": -1},
            "monthly_salary: must be at least 0",
            id="negative-salary",
        ),
        pytest.param(
            "WAGE-SUBSIDY",
            json.dumps(WAGE).replace("50000", "NaN"),
            "NaN is not a number",
            id="nan",
        ),
        pytest.param(
            "ROUTE-FULL-TIME",
            {"employment": "permanent", "fte_percent": 120},
            "fte_percent: must be between 1 and 100",
            id="fte-over-100",
        ),
        pytest.param(
            "APPLICANT-LIST",
            {**APPLICANT_LIST, "published_ids": ["zz"]},
            'published_ids[0]: no applicant with id "zz"',
            id="published-unknown-applicant",
        ),
        pytest.param(
            "APPLICANT-LIST",
            {**APPLICANT_LIST, "applicants": [{**KARI, "name": 7}]},
            "applicants[0].name: not a text",
            id="name-not-text",
        ),
        pytest.param(
            "APPLICANT-LIST",
            {**APPLICANT_LIST, "applicants": [KARI, KARI]},
            'applicants[1].id: duplicate id "a"',
            id="applicant-list-duplicate",
        ),
        pytest.param(
            "INCLUSION-COUNT",
            {"hires": [], "baseline_counts": {"twenty": 1}},
            "baseline_counts.twenty: unknown field",
            id="baseline-year-not-a-year",
        ),
        pytest.param(
            "INCLUSION-COUNT",
            {"hires": [], "baseline_counts": {"2020": -1}},
            "baseline_counts.2020: must be at least 0",
            id="baseline-negative",
        ),
        pytest.param(
            "INCLUSION-COUNT",
            {"hires": [{"hired_on": "2024-01-01", "channels": ["friend"]}]},
            "hires[0].channels[0]: must be one of nav, work_trial, trainee, apprentice",
            id="unknown-channel",
        ),
    ],
)
def test_invalid_facts_exit_2_naming_the_field(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    facts: object,
    message: str,
) -> None:
    text = facts if isinstance(facts, str) else json.dumps(facts)
    code, out, err = run(capsys, monkeypatch, ["eval", rule, "--facts", "-"], text)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.startswith("lim rules: ")


def test_unreadable_facts_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.json"
    code, _, err = run(capsys, monkeypatch, ["eval", "TG-CVGAP", "--facts", str(missing)])
    assert code == 2
    assert "--facts: cannot read" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["eval", "TG-CVGAP", "--facts", "-", "--today", "2026-3-1"], "--today", id="bad-today"
        ),
        pytest.param(
            ["eval", "TG-CVGAP", "--facts", "-", "--today", "2026-02-30"],
            "--today",
            id="impossible-today",
        ),
        pytest.param(
            ["eval", "TG-CVGAP", "--facts", "-", "--lang", "de"], "--lang", id="unknown-language"
        ),
        pytest.param(["eval", "TG-CVGAP"], "--facts", id="facts-required"),
        pytest.param([], "COMMAND", id="no-command"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    code, _, err = run(capsys, monkeypatch, args)
    assert code == 2
    assert message in err
