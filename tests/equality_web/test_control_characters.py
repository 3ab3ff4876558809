"""A control character in part 2 or in the figures' labels (Word's Shift+Enter is a
vertical tab) no longer breaks the DOCX and XLSX downloads."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from lim.core.models import User
from lim.equality import services
from lim.equality.models import EqualityStatement, StatementAreaText
from lim.equality.reader import Accepted, read_workforce
from lim.equality.render.docx import render_docx
from lim.equality.render.xlsx import render_xlsx
from lim.equality.report import build_report
from lim.equality.xmltext import xml_safe
from tests.conftest import World, client_for

from .test_import_and_statement import _import


def test_xml_safe_keeps_line_breaks_and_drops_the_rest() -> None:
    assert xml_safe("a\x0bb\x0cc\x00d\x1fe\tf\ng") == "a\nb\nc" + "de\tf\ng"


def test_part_two_is_cleaned_when_saved(world: World, analyst: User) -> None:
    services.statement_save(
        actor=analyst,
        organisation=world.organisation,
        year=2025,
        texts={"principles": "Linje én\x0bLinje to\x07"},
        areas={"pay": {"risks": "Risiko\x0b"}},
    )
    statement = EqualityStatement.objects.get()
    assert statement.principles == "Linje én\nLinje to"
    assert statement.areas.get().risks == "Risiko\n"


def test_docx_and_xlsx_download_with_a_vertical_tab_stored_before_the_fix(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    statement = EqualityStatement.objects.create(
        organisation=world.organisation, year=2025, principles="Første linje\x0bandre linje"
    )
    StatementAreaText.objects.create(statement=statement, area="pay", risks="Lønn\x0bgap")
    for fmt in ("docx", "xlsx", "pdf"):
        url = reverse(
            "equality:download",
            kwargs={"organisation_id": world.organisation.id, "year": 2025, "fmt": fmt},
        )
        response = client.get(url)
        assert response.status_code == 200, fmt


@pytest.fixture
def report_with_control_characters(clean_csv: bytes) -> dict:  # type: ignore[type-arg]
    result = read_workforce(clean_csv)
    assert isinstance(result, Accepted)
    report = build_report(result.frame, year=2025, organisation="Etat\x0b").to_json_dict("nb")
    report["gender_balance"]["rows"][1]["label"] = "Seksjons\x0bsjef"
    report["pay"]["rows"][1]["label"] = "Seksjons\x0bsjef"
    return report


def test_renderers_clean_labels_from_a_report(report_with_control_characters: dict) -> None:  # type: ignore[type-arg]
    docx = render_docx(report_with_control_characters, language="nb")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Seksjons" in body and "\x0b" not in body
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(report_with_control_characters)))
    labels = [row[0].value for row in workbook["Kjønnsbalanse"].iter_rows()]
    assert any(str(label).startswith("Seksjons") for label in labels)
