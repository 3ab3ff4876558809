"""Recruitment by gender comes from LIM's own cases when the year has any."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lim.core.models import User
from lim.equality import selectors
from lim.recruitment.services import applications
from tests.conftest import World, client_for
from tests.recruitment.conftest import NOW, People, people, published_case  # noqa: F401 - fixtures


def _upload(client, world: World, norwegian_csv: bytes, applications_csv: bytes) -> None:  # type: ignore[no-untyped-def]
    client.post(
        reverse("equality:import", kwargs={"organisation_id": world.organisation.id}),
        {
            "year": NOW.year,
            "workforce": SimpleUploadedFile("hr.csv", norwegian_csv),
            "applications": SimpleUploadedFile("soknader.csv", applications_csv),
        },
    )


def test_uploaded_applications_file_is_used_without_cases(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    from tests.equality_web.conftest import FIXTURES

    _upload(client_for(analyst), world, norwegian_csv, (FIXTURES / "applications.csv").read_bytes())
    report = selectors.report_for(organisation=world.organisation, year=NOW.year)
    assert report is not None
    assert (
        report["recruitment"]["applicants"]["women"] + report["recruitment"]["applicants"]["men"]
        > 0
    )


def test_cases_in_lim_win_over_the_uploaded_file(
    world: World,
    analyst: User,
    norwegian_csv: bytes,
    people: People,  # noqa: F811
) -> None:
    from tests.equality_web.conftest import FIXTURES

    case = published_case(people)
    for index, gender in enumerate(["woman", "woman", "man", "other"]):
        applications.application_create(
            actor=None,
            case=case,
            name=f"Søker {index}",
            email=f"soker{index}@example.org",
            gender=gender,
            source="portal",
            now=NOW,
        )
    _upload(client_for(analyst), world, norwegian_csv, (FIXTURES / "applications.csv").read_bytes())
    report = selectors.report_for(organisation=world.organisation, year=NOW.year)
    assert report is not None
    applicants = report["recruitment"]["applicants"]
    assert (applicants["women"], applicants["men"], applicants["other"]) == (2, 1, 1)
    assert report["recruitment"]["hired"]["women"] == 0
