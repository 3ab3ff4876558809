"""The documents as an archive and a reader get them: the PDF is PDF/A-2b on A4 with the
internal pay table on a landscape page (no column cut off); the DOCX is A4 and has the
pay-transparency tables the page, the PDF and the XLSX have."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest

from lim.equality.reader import Accepted, read_workforce
from lim.equality.render.docx import render_docx
from lim.equality.render.pdf import render_pdf
from lim.equality.report import build_report

from .test_suppression_reasons import workforce_csv

A4 = (595, 842)


def _report(audience: str) -> dict:  # type: ignore[type-arg]
    result = read_workforce(workforce_csv())
    assert isinstance(result, Accepted)
    report = build_report(result.frame, year=2025, organisation="Testetaten", audience=audience)  # type: ignore[arg-type]
    return report.to_json_dict("nb")


def _poppler(tool: str, pdf: bytes, *args: str) -> str:
    return subprocess.run(
        [tool, *args, "-", "-"] if tool == "pdftotext" else [tool, *args, "-"],
        input=pdf, capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip


def _page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    info = _poppler("pdfinfo", pdf, "-f", "1", "-l", "99")
    return [
        (round(float(w)), round(float(h)))
        for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    ]


@pytest.fixture(scope="module")
def internal_pdf() -> bytes:
    return render_pdf(_report("internal"), language="nb")


def test_pdf_is_pdf_a_2b_with_title_and_text(internal_pdf: bytes) -> None:
    meta = _poppler("pdfinfo", internal_pdf, "-meta")
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="B"' in meta
    assert "Likestillingsredegjørelse 2025 – Testetaten" in meta
    text = _poppler("pdftotext", internal_pdf)
    assert "Kvinners lønn i prosent av menns" in text


def test_internal_pay_table_is_on_a_landscape_page_with_every_column(internal_pdf: bytes) -> None:
    sizes = _page_sizes(internal_pdf)
    assert set(sizes) == {A4, A4[::-1]}
    landscape = sizes.index(A4[::-1]) + 1
    page = _poppler("pdftotext", internal_pdf, "-f", str(landscape), "-l", str(landscape))
    flat = re.sub(r"\s+", " ", page)
    for header in ("Median, kvinner", "Median, menn", "702 500 kr", "704 500 kr"):
        assert header in flat
    # hidden cells are labelled with the reason
    assert "skjult (færre enn 5 personer)" in flat
    assert "skjult så et annet skjult tall ikke kan regnes ut" in flat


def test_public_pdf_is_all_portrait_a4() -> None:
    assert set(_page_sizes(render_pdf(_report("public"), language="nb"))) == {A4}


def test_docx_is_a4_with_margins_and_pay_transparency() -> None:
    docx = render_docx(_report("public"), language="nb")
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', xml)
    assert size is not None
    assert (int(size.group(1)), int(size.group(2))) == (11906, 16838)  # A4 in twentieths of a point
    margins = re.search(r'<w:pgMar w:top="(\d+)"[^>]*w:left="(\d+)"', xml) or re.search(
        r'<w:pgMar[^>]*w:left="(\d+)"', xml
    )
    assert margins is not None and all(abs(int(m) - 1134) < 2 for m in margins.groups())  # 2 cm
    text = re.sub(r"<[^>]+>", " ", xml)
    assert "Indikatorer for lønnsåpenhet" in text
    assert "Lønnsgap (EUs lønnsåpenhetsdirektiv, art. 9)" in text
    assert "Kvinner og menn i hver lønnskvartil" in text
