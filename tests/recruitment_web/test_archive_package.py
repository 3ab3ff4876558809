"""The case page lists the archive package for those who run the case (its manager and
HR), who download it; every download is audited, and nobody else sees or gets it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from lim.core.models import AuditEvent
from lim.recruitment.models import ArchivePackage, RecruitmentCase
from tests.recruitment.test_retention_purge import _hired_through_the_career_site
from tests.recruitment_web.conftest import People, as_user, url
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def archived(
    people: People, settings: Any, tmp_path: Any
) -> tuple[RecruitmentCase, ArchivePackage]:
    settings.MEDIA_ROOT = tmp_path
    case, _sofie = _hired_through_the_career_site(people)
    run_queued_tasks()
    return case, ArchivePackage.objects.get(case=case)


def _download(client: Client, case: RecruitmentCase, package: ArchivePackage) -> Any:
    return client.get(url("archive_package", case, package_id=package.id))


def test_hr_finds_the_package_on_the_case_page_and_downloads_it(
    people: People, archived: tuple[RecruitmentCase, ArchivePackage]
) -> None:
    case, package = archived
    client = as_user(people.hr)
    page = client.get(url("case_detail", case)).content.decode()
    assert "For the archive" in page
    assert url("archive_package", case, package_id=package.id) in page

    response = _download(client, case, package)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    event = AuditEvent.objects.get(action="archive.package_download")
    assert event.actor == people.hr and event.details == {"package": str(package.id)}


@pytest.mark.parametrize("who", ["union", "council", "outsider"])
def test_others_neither_see_nor_get_it(
    people: People, archived: tuple[RecruitmentCase, ArchivePackage], who: str
) -> None:
    case, package = archived
    client = as_user(getattr(people, who))
    page = client.get(url("case_detail", case))
    assert url("archive_package", case, package_id=package.id) not in page.content.decode()
    assert _download(client, case, package).status_code == 404
    assert not AuditEvent.objects.filter(action="archive.package_download").exists()


def test_another_cases_package_and_a_post_are_refused(
    people: People, archived: tuple[RecruitmentCase, ArchivePackage]
) -> None:
    from tests.recruitment_web.conftest import published_case

    case, package = archived
    other = published_case(people)
    client = as_user(people.hr)
    assert _download(client, other, package).status_code == 404
    assert client.post(url("archive_package", case, package_id=package.id)).status_code == 405
