"""The equality statement on the web: import, figures, part 2, downloads, access."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lim.core.models import AuditEvent, User
from lim.equality import selectors, services
from lim.equality.models import EqualityStatement, WorkforceSnapshot
from tests.conftest import World, client_for


def _import(client, world: World, content: bytes, year: int = 2025, name: str = "hr.csv"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("equality:import", kwargs={"organisation_id": world.organisation.id}),
        {"year": year, "workforce": SimpleUploadedFile(name, content)},
    )


def _statement_url(world: World, year: int = 2025) -> str:
    return reverse(
        "equality:statement", kwargs={"organisation_id": world.organisation.id, "year": year}
    )


def test_import_norwegian_excel_csv_and_see_statement(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    client = client_for(analyst)
    response = _import(client, world, norwegian_csv)
    assert response.status_code == 302
    snapshot = WorkforceSnapshot.objects.get(organisation=world.organisation, year=2025)
    assert snapshot.employee_count > 0
    event = AuditEvent.objects.get(action="workforce.import")
    assert event.details["employees"] == snapshot.employee_count
    assert event.details["replaced"] is False
    page = client.get(response["Location"]).content.decode()
    report = selectors.report_for(organisation=world.organisation, year=2025)
    assert report is not None
    total = report["gender_balance"]["rows"][0]
    assert f'<td class="num">{total["women"]}</td>' in page
    assert "Hele virksomheten" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'role="img"' in page


def test_invalid_file_lists_every_problem_and_imports_nothing(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv, year=2024)
    before = WorkforceSnapshot.objects.get(year=2024).employee_count
    bad = (
        "employee_id,gender,level,fte_percent,employment_type,annual_base_pay\n"
        "1,woman,A,120,permanent,-5\n"
        "1,x,A,50,fast,100\n"
    )
    response = _import(client, world, bad.encode(), year=2024)
    page = response.content.decode()
    assert response.status_code == 200
    assert "linje 2" in page and "linje 3" in page
    assert "Ingenting ble endret" in page or "Nothing was changed" in page
    assert WorkforceSnapshot.objects.get(year=2024).employee_count == before
    assert AuditEvent.objects.filter(action="workforce.import").count() == 1


def test_binary_garbage_is_rejected_clearly(world: World, analyst: User) -> None:
    response = _import(client_for(analyst, "en"), world, bytes(range(256)) * 10, name="x.xlsx")
    assert response.status_code == 200
    assert "not a CSV or XLSX file" in response.content.decode()
    assert not WorkforceSnapshot.objects.exists()


def test_reimport_replaces_the_year(
    world: World, analyst: User, norwegian_csv: bytes, clean_csv: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    _import(client, world, clean_csv)
    assert WorkforceSnapshot.objects.filter(year=2025).count() == 1
    assert (
        AuditEvent.objects.filter(action="workforce.import").latest("id").details["replaced"]
        is True
    )


@pytest.mark.parametrize("persona", ["manager", "colleague", "outsider"])
def test_other_roles_get_404(
    world: World, analyst: User, norwegian_csv: bytes, persona: str
) -> None:
    _import(client_for(analyst), world, norwegian_csv)
    client = client_for(getattr(world, persona))
    assert client.get(_statement_url(world)).status_code == 404
    assert (
        client.get(
            reverse("equality:overview", kwargs={"organisation_id": world.organisation.id})
        ).status_code
        == 404
    )


def test_public_version_has_no_kroner_and_internal_has(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    public = client.get(_statement_url(world)).content.decode()
    internal = client.get(_statement_url(world), {"utvalg": "intern"}).content.decode()
    assert " kr</td>" not in public
    assert " kr</td>" in internal


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK"), ("json", b"{")],
)
def test_downloads(
    world: World, analyst: User, norwegian_csv: bytes, fmt: str, magic: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    url = reverse(
        "equality:download",
        kwargs={"organisation_id": world.organisation.id, "year": 2025, "fmt": fmt},
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert "attachment" in response["Content-Disposition"]
    if fmt == "json":
        assert json.loads(response.content) == selectors.report_for(
            organisation=world.organisation, year=2025
        )
    if fmt == "docx":
        document = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
        assert "Kvinner" in document


def test_unknown_download_format_is_404(world: World, analyst: User, norwegian_csv: bytes) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    url = reverse(
        "equality:download",
        kwargs={"organisation_id": world.organisation.id, "year": 2025, "fmt": "exe"},
    )
    assert client.get(url).status_code == 404


def test_part_two_is_saved_audited_and_shown(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    client = client_for(analyst)
    _import(client, world, norwegian_csv)
    url = reverse(
        "equality:statement_edit", kwargs={"organisation_id": world.organisation.id, "year": 2025}
    )
    assert client.get(url).status_code == 200
    data = {
        "principles": "Vi har nulltoleranse for diskriminering.",
        "how_we_work": "Sammen med tillitsvalgte.",
    }
    data["recruitment-risks"] = "Få kvinner søker IT-stillinger."
    data["recruitment-measures"] = "Kjønnsnøytrale annonser."
    response = client.post(url, data)
    assert response.status_code == 302
    statement = EqualityStatement.objects.get()
    assert statement.principles.startswith("Vi har nulltoleranse")
    event = AuditEvent.objects.get(action="statement.update")
    assert event.details["changed"] == ["how_we_work", "principles", "recruitment"]
    page = client.get(_statement_url(world)).content.decode()
    assert "Kjønnsnøytrale annonser." in page


def test_comparison_with_previous_year(
    world: World, analyst: User, norwegian_csv: bytes, clean_csv: bytes
) -> None:
    client = client_for(analyst, "en")
    _import(client, world, clean_csv, year=2024)
    _import(client, world, norwegian_csv, year=2025)
    page = client.get(_statement_url(world)).content.decode()
    assert "Compared with 2024" in page


def test_statement_for_year_without_data_is_404(world: World, analyst: User) -> None:
    assert client_for(analyst).get(_statement_url(world, 1999)).status_code == 404


def test_service_refuses_unknown_area(world: World, analyst: User) -> None:
    from lim.core.errors import DomainError

    with pytest.raises(DomainError):
        services.statement_save(
            actor=analyst, organisation=world.organisation, year=2025, texts={}, areas={"nope": {}}
        )


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_indicator_page_explains_each_indicator(client, lang: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("equality:indicators"), headers={"accept-language": lang})
    assert response.status_code == 200
    assert response.content.decode().count("<dt>") == 6


def test_one_problem_is_called_one_problem(world: World, analyst: User) -> None:
    bad = (
        "employee_id,gender,level,fte_percent,employment_type,annual_base_pay\n"
        "1,woman,A,120,permanent,500000\n"
    )
    page = _import(client_for(analyst, "en"), world, bad.encode()).content.decode()
    assert "The file was not imported: 1 problem. Nothing was changed." in page
    assert not WorkforceSnapshot.objects.exists()
