"""`lim rules list` and `lim rules eval` through cli.main (formats/rules-cli.md)."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from lim.rules.registry import RULES
from tests.rules.cli_support import (
    APPLICANT_LIST,
    CVGAP,
    INTERVIEW,
    MORE_FACTS,
    OTHER_RULES,
    ROUTE,
    WAGE,
    evaluate,
    run,
)


def test_list_shows_every_rule_with_title_and_source(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, ["list"])
    lines = out.splitlines()
    assert code == 0
    assert len(lines) == len(RULES)
    for rule, line in zip(RULES, lines, strict=True):
        assert line.startswith(rule.id + " ")
        assert f"{rule.title.nb} — {rule.source}" in line
    assert "TG-CVGAP                  Målgruppe: hull i CV-en — statsansatteforskriften § 4a" in out
    _, english, _ = run(capsys, monkeypatch, ["list", "--lang", "en"])
    assert "Target group: gap in the CV" in english


def test_eval_cv_gap_in_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = evaluate(capsys, monkeypatch, "TG-CVGAP", CVGAP, "--lang", "en")
    assert report["rule"] == "TG-CVGAP"
    assert report["source"] == "statsansatteforskriften § 4a første ledd"
    result = report["result"]
    assert result["qualifies"] is False
    assert result["qualifying_absence_days"] == 671  # 1 March 2021 to 31 December 2022
    assert result["window_start"] == "2021-03-01"
    assert result["reasons"][1] == "59 days outside the five-year period are not included."
    assert report["findings"] == [
        {
            "rule": "TG-CVGAP",
            "level": "info",
            "source": "statsansatteforskriften § 4a første ledd",
            "message": "The applicant is not in the target group 'gap in the CV'.",
        }
    ]


def test_eval_interview_duty_both_groups(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = evaluate(capsys, monkeypatch, "SEL-INTERVIEW", INTERVIEW)
    assert report["result"] == {
        "disability": {"qualified": 2, "invited": 1, "satisfied": True},
        "cv_gap": {"qualified": 1, "invited": 0, "satisfied": False},
    }
    assert [(f["rule"], f["level"]) for f in report["findings"]] == [
        ("SEL-INTERVIEW-CVGAP", "block")
    ]
    assert report["findings"][0]["message"] == (
        "Minst én kvalifisert søker som har oppgitt hull i CV-en, må kalles inn til intervju "
        "(1 kvalifisert, 0 innkalt)."
    )


def test_eval_wage_subsidy(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = evaluate(capsys, monkeypatch, "WAGE-SUBSIDY", WAGE)
    months = report["result"]["months"]
    assert months[0] == {"month": "2026-01", "percent": 60, "days": 31, "amount": 39104}
    assert months[-1] == {"month": "2027-12", "percent": 50, "days": 31, "amount": 32587}
    assert report["result"]["total"] == 12 * 39104 + 12 * 32587
    assert report["findings"] == []


def test_eval_route_in_nynorsk(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = evaluate(capsys, monkeypatch, "ROUTE", ROUTE, "--lang", "nn")
    assert report["result"] == {
        "allowed": False,
        "announcement_required": False,
        "qualification_principle_applies": False,
        "recommendation_required": False,
        "max_end": "2026-06-30",
    }
    block = report["findings"][0]
    assert (block["rule"], block["level"]) == ("ROUTE-ANNOUNCE", "block")
    assert block["message"].startswith("Administrativ tilsetjing kan vare i høgst 6 månader")


def test_staff_regulations_clause_and_sector_from_the_facts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    twelve = evaluate(
        capsys, monkeypatch, "ROUTE", {**ROUTE, "staff_regulations_allow_12_months": True}
    )
    assert twelve["result"]["allowed"] is True
    assert twelve["result"]["max_end"] == "2026-12-31"
    municipal = evaluate(capsys, monkeypatch, "ROUTE", {**ROUTE, "sector": "municipal"})
    assert municipal["result"]["allowed"] is True
    assert municipal["findings"][0]["level"] == "warn"
    assert "anbefaling" in municipal["findings"][0]["message"]


@pytest.mark.parametrize(("rule", "facts"), list(OTHER_RULES.items()), ids=list(OTHER_RULES))
def test_eval_every_other_rule(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, rule: str, facts: object
) -> None:
    report = evaluate(capsys, monkeypatch, rule, facts)
    assert report["rule"] == rule
    combined = rule in {"APPLICANT-LIST"}
    assert all(f["rule"] == rule or combined for f in report["findings"])


@pytest.mark.parametrize(("rule", "facts", "messages"), MORE_FACTS.values(), ids=list(MORE_FACTS))
def test_eval_messages(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    facts: object,
    messages: list[str],
) -> None:
    report = evaluate(capsys, monkeypatch, rule, facts)
    said = [f["message"] for f in report["findings"]] + report["result"].get("reasons", [])
    assert all(message in said for message in messages)
    assert len(report["findings"]) == (len(messages) if rule != "TG-CVGAP" else 1)


def test_facts_the_rule_types_reject_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def rejecting(**_: object) -> object:
        raise ValueError("the subsidy period cannot end before it starts")

    monkeypatch.setattr("lim.rules.cli.evaluate", rejecting)
    code, out, err = run(capsys, monkeypatch, ["eval", "WAGE-SUBSIDY", "--facts", "-"], "{}")
    assert (code, out) == (2, "")
    assert err == "lim rules: invalid facts: the subsidy period cannot end before it starts\n"


def test_sub_rule_reports_only_its_own_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = {**ROUTE, "temporary_basis": None}
    basis = evaluate(capsys, monkeypatch, "ROUTE-TEMP-BASIS", facts)
    assert [f["rule"] for f in basis["findings"]] == ["ROUTE-TEMP-BASIS"]
    applicant_list = evaluate(capsys, monkeypatch, "APPLICANT-LIST-EXEMPTION", APPLICANT_LIST)
    assert [f["level"] for f in applicant_list["findings"]] == ["block"]
    assert applicant_list["result"]["entries"][0] == {
        "name": "Kari Nordmann",
        "age": 35,
        "position": "Rådgiver",
        "municipality": "Bergen",
    }


def test_disabled_policy_rule_in_the_facts(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = {"checkpoint": None, "disabled_policy_rules": ["NAV-CHECKPOINT"]}
    report = evaluate(capsys, monkeypatch, "NAV-CHECKPOINT", facts)
    assert report["findings"] == []
    optional = evaluate(capsys, monkeypatch, "NAV-CHECKPOINT", {"require_checkpoint": False})
    assert [f["level"] for f in optional["findings"]] == ["info"]


def test_facts_from_a_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(CVGAP), encoding="utf-8")
    code, out, _ = run(capsys, monkeypatch, ["eval", "TG-CVGAP", "--facts", str(path)])
    assert code == 0
    assert json.loads(out)["result"]["reasons"][0].startswith("Fravær som teller")


def test_today_defaults_to_the_clock(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = json.dumps({"case_closed": "2000-01-01"})
    code, out, _ = run(capsys, monkeypatch, ["eval", "RETENTION", "--facts", "-"], facts)
    assert code == 0
    assert json.loads(out)["result"] == {"delete_after": "2000-04-30", "due": True}


def test_help_exits_0(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, monkeypatch, ["--help"])
    assert code == 0
    assert "eval" in out


def test_python_dash_m(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["lim.rules", "list"])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_module("lim.rules", run_name="__main__")
    assert exit_.value.code == 0
    assert "WAGE-SUBSIDY" in capsys.readouterr().out
