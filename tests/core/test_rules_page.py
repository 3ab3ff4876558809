"""/regler/ lists every rule from the same definitions the checks use, in each language."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from lim.cli import main
from lim.rules.registry import RULES


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_rules_page_lists_every_rule_with_source(db: None, lang: str) -> None:
    page = Client(headers={"accept-language": lang}).get(reverse("rules")).content.decode()
    assert f'<html lang="{lang}">' in page
    for rule in RULES:
        assert f'id="{rule.id}"' in page
        assert escape(rule.source) in page
        assert escape(rule.title.get(lang)) in page
        assert escape(rule.explanation.get(lang).split(".")[0]) in page


def test_rules_page_needs_no_login(db: None) -> None:
    assert Client().get(reverse("rules")).status_code == 200


def test_lim_rules_list_through_the_lim_command(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert rule.id in out


def test_lim_rules_eval_runs_without_django(tmp_path) -> None:  # type: ignore[no-untyped-def]
    facts = tmp_path / "facts.json"
    facts.write_text(
        json.dumps(
            {
                "application_date": "2026-03-01",
                "absences": [{"start": "2021-03-01", "end": "2023-02-28", "cause": "illness"}],
                "current_employment": {"kind": "none"},
            }
        )
    )
    code = (
        "import sys; from lim.cli import main; rc = main(sys.argv[1:]);"
        "assert 'django' not in sys.modules, 'lim rules imported Django'; sys.exit(rc)"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "rules",
            "eval",
            "TG-CVGAP",
            "--facts",
            str(facts),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["rule"] == "TG-CVGAP"
    assert output["result"]["qualifies"] is True


def test_lim_rules_eval_bad_facts_exit_2(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    facts = tmp_path / "facts.json"
    facts.write_text('{"application_date": "yesterday", "absences": []}')
    assert main(["rules", "eval", "TG-CVGAP", "--facts", str(facts)]) == 2
    assert "application_date" in capsys.readouterr().err


def test_rules_that_check_together_are_linked_by_title(db: None) -> None:
    combined = next(rule for rule in RULES if rule.combines)
    page = Client(headers={"accept-language": "en"}).get(reverse("rules")).content.decode()
    section = page.split(f'id="{combined.id}"', 1)[1].split("</section>", 1)[0]
    for other in combined.combines:
        title = next(r.title.get("en") for r in RULES if r.id == other)
        assert f'<a href="#{other}">{escape(title)}</a>' in section
