"""HTML, PDF and DOCX show the same figures as the JSON, from files alone (the CLI)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from lim.equality.charts import gender_balance_chart, pay_ratio_chart

FIXTURES = Path(__file__).resolve().parents[1] / "equality" / "fixtures"


def _cli(tmp_path: Path, fmt: str, lang: str = "nb") -> bytes:
    out = tmp_path / f"report.{fmt}"
    code = "import sys; from lim.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "equality",
            "report",
            "--workforce",
            str(FIXTURES / "workforce_norwegian.csv"),
            "--year",
            "2025",
            "--organisation",
            "Testetaten",
            "--format",
            fmt,
            "--output",
            str(out),
            "--lang",
            lang,
        ],
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr.decode()
    return out.read_bytes()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    return json.loads(_cli(tmp_path_factory.mktemp("json"), "json"))


def test_html_document_shows_the_json_figures(tmp_path: Path, report: dict) -> None:  # type: ignore[type-arg]
    html = _cli(tmp_path, "html").decode()
    assert '<html lang="nb">' in html
    for row in report["gender_balance"]["rows"]:
        assert f'<td class="num">{row["women"]}</td><td class="num">{row["men"]}</td>' in html
    total = report["gender_balance"]["rows"][0]
    assert f"{total['women_pct']:.1f} %".replace(".", ",") in html


def test_docx_document_shows_the_json_figures(tmp_path: Path, report: dict) -> None:  # type: ignore[type-arg]
    document = (
        zipfile.ZipFile(io.BytesIO(_cli(tmp_path, "docx"))).read("word/document.xml").decode()
    )
    total = report["gender_balance"]["rows"][0]
    assert f"<w:t>{total['women']}</w:t>" in document
    assert f"{total['women_pct']:.1f} %".replace(".", ",") in document


def test_pdf_document_is_produced(tmp_path: Path) -> None:
    pdf = _cli(tmp_path, "pdf", "en")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 5_000


def test_public_documents_hold_no_kroner(tmp_path: Path) -> None:
    assert " kr<" not in _cli(tmp_path, "html").decode()


def test_charts_are_described_for_screen_readers() -> None:
    rows = [{"label": "Totalt", "is_total": True, "women_pct": 40.0, "men_pct": 60.0}]
    svg = gender_balance_chart(rows, {"women": "Kvinner", "men": "Menn", "title": "Kjønnsbalanse"})
    assert 'role="img"' in svg and "<title" in svg and "Kvinner 40.0 %" in svg
    hidden = pay_ratio_chart(
        [{"label": "Direktør", "suppressed": True, "women_pct_of_men_mean": None}],
        {"women": "K", "men": "M", "title": "Lønn", "suppressed": "skjult"},
    )
    assert "skjult" in hidden and "style=" not in hidden
