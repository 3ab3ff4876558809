"""Each hidden figure says why it is hidden, in every output: a small group, or hidden so
that another hidden figure cannot be worked out (Seksjonssjef, 8 women and 14 men)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile

import openpyxl
import pytest
from django.urls import reverse

from lim.core.models import User
from lim.equality import services
from lim.equality.models import WorkforceSnapshot
from tests.conftest import World, client_for

SMALL = {"nb": "skjult (færre enn 5 personer)", "nn": "skjult (færre enn 5 personar)"}
PROTECTS = {
    "nb": "skjult så et annet skjult tall ikke kan regnes ut",
    "nn": "skjult så eit anna skjult tal ikkje kan reknast ut",
}


def workforce_csv() -> bytes:
    lines = ["employee_id,gender,level,fte_percent,employment_type,annual_base_pay"]
    people = [("Seksjonssjef", "woman", 8), ("Seksjonssjef", "man", 14)]
    people += [("Direktør", "woman", 2), ("Direktør", "man", 6)]
    number = 0
    for level, gender, count in people:
        for i in range(count):
            number += 1
            lines.append(f"{number},{gender},{level},100,permanent,{700000 + 1000 * i}")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def imported(world: World) -> WorkforceSnapshot:
    return services.workforce_import(
        actor=None,
        organisation=world.organisation,
        year=2025,
        filename="hr.csv",
        content=workforce_csv(),
    )


def _download(client, world: World, fmt: str) -> bytes:  # type: ignore[no-untyped-def]
    url = reverse(
        "equality:download",
        kwargs={"organisation_id": world.organisation.id, "year": 2025, "fmt": fmt},
    )
    response = client.get(url, {"utvalg": "intern"})
    assert response.status_code == 200
    content: bytes = response.content
    return content


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_json_records_the_reason_per_row(
    world: World, analyst: User, imported: WorkforceSnapshot
) -> None:
    report = json.loads(_download(client_for(analyst), world, "json"))
    reasons = {row["label"]: row["suppressed_reason"] for row in report["pay"]["rows"]}
    assert reasons == {"Totalt": None, "Seksjonssjef": "complementary", "Direktør": "small_group"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_web_pdf_docx_and_xlsx_say_why(
    world: World, analyst: User, imported: WorkforceSnapshot, lang: str
) -> None:
    client = client_for(analyst, lang)
    url = reverse(
        "equality:statement", kwargs={"organisation_id": world.organisation.id, "year": 2025}
    )
    page = client.get(url).content.decode()
    assert SMALL[lang] in page and PROTECTS[lang] in page
    assert "group under" not in page

    docx = _download(client, world, "docx")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert SMALL[lang] in body and PROTECTS[lang] in body

    pdf = subprocess.run(
        ["pdftotext", "-", "-"], input=_download(client, world, "pdf"),
        capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip
    assert SMALL[lang].split(" (")[1].rstrip(")") in _flat(pdf)
    assert "annet skjult" in _flat(pdf) or "anna skjult" in _flat(pdf)

    workbook = openpyxl.load_workbook(io.BytesIO(_download(client, world, "xlsx")))
    notes = [row[-1] for row in workbook["Lønn"].iter_rows(values_only=True)]
    assert notes[0] == "Merknad"
    assert notes[2].startswith("Skjult for at et annet skjult tall")
    assert notes[3].startswith("Skjult: færre enn 5 personer")
