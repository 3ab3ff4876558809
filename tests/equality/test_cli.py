"""`lim equality report` from files: exit codes, output only on success, no Django."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lim.equality.cli import main

from .conftest import APPLICATIONS, CLEAN, NORWEGIAN

ROOT = Path(__file__).resolve().parents[2]


def report_args(workforce: Path, output: str, *extra: str, fmt: str = "json") -> list[str]:
    """The messages these tests read are in English; a later --lang in `extra` wins."""
    return ["report", "--workforce", str(workforce), "--year", "2025", "--format", fmt,
            "--output", output, "--lang", "en", *extra]  # fmt: skip


def test_the_report_and_its_messages_are_in_bokmal_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.html"
    args = ["report", "--workforce", str(CLEAN), "--year", "2025", "--format", "html",
            "--output", str(out)]  # fmt: skip
    assert main(args) == 0
    html = out.read_text(encoding="utf-8")
    assert 'lang="nb"' in html
    assert "1 deltidsansatt mangler" in capsys.readouterr().err


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    code = main(report_args(CLEAN, str(out), "--applications", str(APPLICATIONS),
                            "--organisation", "Fiktiv etat", "--min-group-size", "3",
                            "--audience", "internal"))  # fmt: skip
    assert code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["organisation"] == "Fiktiv etat"
    assert report["pay"]["rows"][1]["men_mean"] == 1_033_333
    assert report["recruitment"]["hired"]["men"] == 2
    assert "warning: 1 part-time employee has" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_json_to_stdout_in_norwegian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(report_args(NORWEGIAN, "-", "--lang", "nb")) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["gender_balance"]["rows"][0]["women"] == 12
    assert report["warnings"][0] == "1 deltidsansatt mangler verdi for ufrivillig deltid"


def test_xlsx_report(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    assert main(report_args(CLEAN, str(out), fmt="xlsx")) == 0
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames[0] == "Kjønnsbalanse"


def test_invalid_input_exits_2_with_every_problem_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "employee_id,gender,level,fte_percent,employment_type,annual_base_pay\n"
        "1,woman,A,0,permanent,-1\n1,man,A,100,permanent,1\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    out_xlsx = tmp_path / "report.xlsx"
    assert main(report_args(bad, str(out))) == 2
    assert main(report_args(bad, str(out_xlsx), fmt="xlsx")) == 2
    err = capsys.readouterr().err
    assert f"error: {bad}: line 2, column fte_percent: “0” must be more than 0" in err
    assert f"error: {bad}: line 2, column annual_base_pay: “-1” is negative" in err
    assert f"error: {bad}: line 3, column employee_id: “1” is already used on line 2" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_existing_output_is_kept_when_input_is_invalid(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01garbage")
    assert main(report_args(bad, str(out))) == 2
    assert out.read_text(encoding="utf-8") == "previous"


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        main(report_args(CLEAN, str(tmp_path / "report.json")))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("extra", "fmt", "message"),
    [
        (["--min-group-size", "2"], "json", "--min-group-size must be at least 3, not 2"),
        (["--year", "99"], "json", "--year must be between 1900 and 2100, not 99"),
        (["--audience", "everyone"], "json", "invalid choice: 'everyone'"),
        (["--format", "csv"], "json", "invalid choice: 'csv'"),
    ],
)
def test_refused_options(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    fmt: str,
    message: str,
) -> None:
    assert main([*report_args(CLEAN, str(tmp_path / "r"), fmt=fmt), *extra]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_other_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(report_args(CLEAN, "-", fmt="xlsx")) == 2
    assert main(report_args(tmp_path / "missing.csv", str(tmp_path / "r.json"))) == 2
    assert main(report_args(CLEAN, str(tmp_path / "no" / "such" / "r.json"))) == 2
    assert main(["report", "--workforce", str(CLEAN)]) == 2
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "format xlsx cannot be written to stdout" in err
    assert "missing.csv: No such file or directory" in err
    assert "no such directory" in err
    assert "the following arguments are required" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--help"]) == 0
    assert "--workforce FILE" in capsys.readouterr().out


def test_python_dash_m_without_django(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "-m", "lim.equality", *report_args(CLEAN, str(out))],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "lim.equality-report/1"


CHECK_IMPORTS = """
import sys
import lim.equality.reader, lim.equality.stats, lim.equality.report
import lim.equality.render, lim.equality.render.xlsx, lim.equality.cli
from lim.equality.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("django", "pandas"))
print(code, heavy)
"""


def test_pure_modules_never_import_django(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHECK_IMPORTS,
            *report_args(CLEAN, str(tmp_path / "r.xlsx"), fmt="xlsx"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.strip() == "0 []"


def test_json_output_does_not_import_openpyxl(tmp_path: Path) -> None:
    script = (
        "import sys; from lim.equality.cli import main; code = main(sys.argv[1:]); "
        "print(code, 'openpyxl' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", script, *report_args(CLEAN, str(tmp_path / "r.json"))],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.strip() == "0 False"
