"""In bokmål and nynorsk, no page or document of the equality statement shows English:
every page, and the PDF (as pdftotext reads it), the DOCX, the XLSX and the JSON's
warnings are searched for the English texts of the catalogue and for English words."""

from __future__ import annotations

import gettext
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from lim.core.models import User
from lim.equality import services
from lim.equality.models import ImportJob, ImportStatus
from tests.conftest import World, client_for

from .test_suppression_reasons import workforce_csv

LOCALE = Path(__file__).resolve().parents[2] / "src" / "lim" / "locale"
# Words that are English and not Norwegian; each is matched as a whole word.
ENGLISH_WORDS = {
    "the", "of", "and", "hidden", "women", "employees", "employee", "missing", "left",
    "with", "without", "figure", "figures", "statement", "pay", "level", "risks", "causes",
    "measures", "results", "found", "taken", "planned", "evaluation", "obstacles", "have",
    "has", "value", "whole", "organisation", "group", "fewer", "than", "persons", "people",
    "part-time", "temporary", "because", "would", "another", "calculated", "under",
}  # fmt: skip
# "under" is Norwegian too, but LIM's Norwegian says "færre enn"; see the rule messages.
ENGLISH_WORDS.discard("under")


def _english_phrases() -> set[str]:
    """Pieces of the catalogue's English msgids (between placeholders) of three words or
    more, whose translation differs."""
    phrases: set[str] = set()
    with open(LOCALE / "nb" / "LC_MESSAGES" / "django.mo", "rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for key, msgstr in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or msgstr == msgid:
            continue
        for piece in re.split(r"%\(\w+\)[sd]|\{\{[^}]*\}\}|<[^>]+>", msgid):
            piece = piece.strip(" .,:;–-()")
            if len(piece.split()) >= 3:
                phrases.add(piece)
    return phrases


PHRASES = _english_phrases()


def _english_in(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    found = [phrase for phrase in PHRASES if phrase in flat]
    words = set(re.findall(r"[A-Za-z][A-Za-z-]*", flat))
    found += sorted(w for w in words if w.lower() in ENGLISH_WORDS and w not in {"Men"})
    return found


def _main(html: str) -> str:
    """The page's own content (the layout around it belongs to other parts of LIM)."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"<[^>]+>", " ", main)


@pytest.fixture
def full_statement(world: World, analyst: User, norwegian_csv: bytes) -> None:
    services.workforce_import(
        actor=None, organisation=world.organisation, year=2024, filename="a.csv",
        content=workforce_csv(),
    )  # fmt: skip
    services.workforce_import(
        actor=None, organisation=world.organisation, year=2025, filename="b.csv",
        content=norwegian_csv,
    )  # fmt: skip
    services.statement_save(
        actor=analyst,
        organisation=world.organisation,
        year=2025,
        texts={"principles": "Vi jobber for likestilling.", "how_we_work": "Med tillitsvalgte."},
        areas={"pay": {"risks": "Lønnsforskjeller.", "measures": "Lønnskartlegging."}},
    )


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_pages_have_no_english(
    world: World, analyst: User, full_statement: None, lang: str
) -> None:
    client = client_for(analyst, lang)
    org = {"organisation_id": world.organisation.id}
    year = {**org, "year": 2025}
    jobs = [
        ImportJob.objects.create(
            organisation=world.organisation,
            year=2025,
            requested_at=timezone.now(),
            status=status,
            workforce_name="hr.xlsx",
            employee_count=10,
        )
        for status in ImportStatus
    ]
    urls = [
        *(reverse("equality:import_job", kwargs={**org, "job_id": job.pk}) for job in jobs),
        reverse("equality:overview", kwargs=org),
        reverse("equality:import", kwargs=org),
        reverse("equality:statement", kwargs=year),
        reverse("equality:statement", kwargs=year) + "?utvalg=intern",
        reverse("equality:statement_edit", kwargs=year),
        reverse("equality:indicators"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _english_in(_main(response.content.decode())) == [], url


def _download(client, world: World, fmt: str, audience: str) -> bytes:  # type: ignore[no-untyped-def]
    url = reverse(
        "equality:download",
        kwargs={"organisation_id": world.organisation.id, "year": 2025, "fmt": fmt},
    )
    response = client.get(url, {"utvalg": "intern"} if audience == "internal" else {})
    assert response.status_code == 200
    content: bytes = response.content
    return content


@pytest.mark.parametrize("audience", ["public", "internal"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_documents_have_no_english(
    world: World, analyst: User, full_statement: None, lang: str, audience: str
) -> None:
    client = client_for(analyst, lang)
    pdf = subprocess.run(
        ["pdftotext", "-", "-"], input=_download(client, world, "pdf", audience),
        capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip
    assert "Del 2" in pdf
    assert _english_in(pdf) == [], "pdf"

    docx = _download(client, world, "docx", audience)
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    text = re.sub(r"<[^>]+>", " ", xml)
    assert "Lønnskartlegging." in text
    assert _english_in(text) == [], "docx"

    workbook = openpyxl.load_workbook(io.BytesIO(_download(client, world, "xlsx", audience)))
    cells = [
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    assert _english_in(" | ".join(cells)) == [], "xlsx"

    report = json.loads(_download(client, world, "json", audience))
    assert report["warnings"]
    assert _english_in(" | ".join(report["warnings"])) == [], "json"
