"""When the hire is recorded, the worker makes the case's archive package: one PDF/A-2b
document with the ad, both applicant lists, the innstilling, the decision, the hired
person's application and interview notes, readable only by LIM; its making is audited,
and LIM's copy goes when the case's retention ends."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
from typing import Any

import pytest

from lim.core.models import AuditEvent
from lim.recruitment.models import ArchivePackage
from lim.recruitment.services.retention import retention_apply
from tests.recruitment.conftest import People
from tests.recruitment.test_retention_purge import CLOSED, _hired_through_the_career_site
from tests.recruitment_web.test_recommendation_pdf import _pdf_text
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def test_the_hire_queues_the_archive_package_and_the_worker_makes_it(
    people: People, settings: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case, _sofie = _hired_through_the_career_site(people)
    assert not ArchivePackage.objects.exists()  # made by the worker, not in the request
    run_queued_tasks()

    package = ArchivePackage.objects.get(case=case)
    path = tmp_path / package.file.name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # only LIM's own user reads it
    pdf = path.read_bytes()
    assert package.size == len(pdf)
    meta = subprocess.run(
        ["pdfinfo", "-meta", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert 'pdfaid:part="2"' in meta and 'pdfaid:conformance="B"' in meta

    text = _pdf_text(pdf)
    # The sections in order (the organisation writes bokmål).
    headings = [
        "1. Annonsen",
        "2. Den offentlige søkerlisten",
        "3. Den utvidede søkerlisten",
        "4. Innstillingen",
        "5. Vedtaket",
        "6. Søknaden fra den som ble ansatt",
        "7. Intervjunotater",
    ]
    positions = [text.find(h) for h in headings]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "Ola Nordmann" in text  # on the lists and in the ranking
    assert "sofie.dahl@example.org" in text and "Sofies vei 7" in text
    assert "Sofie Dahl tilbys stillingen." in text
    assert "(Rekrutterende leder)" in text and "hiring_manager" not in text
    assert "God på saksbehandling" in text  # the interview notes
    assert "Vi støtter innstillingen av Sofie." in text
    assert "sofie-cv.pdf" in text

    made = AuditEvent.objects.get(action="archive.package_made")
    assert made.object_id == str(case.pk) and made.details["sha256"] == package.sha256

    # Retention: LIM's copy (handed to the archive long ago) leaves the database and disk.
    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(today=CLOSED + dt.timedelta(days=541))
    assert not ArchivePackage.objects.exists()
    assert not path.exists()


def test_no_package_before_the_hire(people: People, settings: Any, tmp_path: Any) -> None:
    from lim.recruitment.services.archive import archive_package_make
    from tests.recruitment.test_hiring import _interviewed

    settings.MEDIA_ROOT = tmp_path
    case, _apps = _interviewed(people)
    with pytest.raises(ValueError):
        archive_package_make(case=case)
    assert not ArchivePackage.objects.exists() and not list(tmp_path.rglob("*.pdf"))
