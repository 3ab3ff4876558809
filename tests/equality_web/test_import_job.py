"""Large imports run in the worker with a progress page; both files of an import are saved
together or not at all."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lim.core import services as core_services
from lim.core.models import AuditEvent, Role, User
from lim.equality import services
from lim.equality.models import ApplicationsSnapshot, ImportJob, WorkforceSnapshot
from tests.conftest import World, client_for, make_user
from tests.worker import run_queued_tasks

BAD_APPLICATIONS = b"application_id,gender,hired\na1,kvinne,kanskje\n"


def _post(client, world: World, files: dict[str, bytes], year: int = 2025):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {"year": year}
    for field, content in files.items():
        data[field] = SimpleUploadedFile(f"{field}.csv", content)
    return client.post(
        reverse("equality:import", kwargs={"organisation_id": world.organisation.id}), data
    )


def _run_worker() -> None:
    run_queued_tasks()


@pytest.fixture
def small_threshold(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LIM_EQUALITY_BACKGROUND_IMPORT_BYTES = 100


def test_applications_problem_saves_nothing_of_the_workforce(
    world: World, analyst: User, norwegian_csv: bytes
) -> None:
    response = _post(
        client_for(analyst), world, {"workforce": norwegian_csv, "applications": BAD_APPLICATIONS}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "applications.csv: linje 2" in page
    assert not WorkforceSnapshot.objects.exists()
    assert not ApplicationsSnapshot.objects.exists()
    assert not AuditEvent.objects.filter(action="workforce.import").exists()


def test_second_save_failing_rolls_back_the_first(
    world: World, norwegian_csv: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_save_applications", broken)
    with pytest.raises(RuntimeError):
        services.equality_import(
            actor=None,
            organisation=world.organisation,
            year=2025,
            workforce=services.ImportFile("hr.csv", norwegian_csv),
            applications=services.ImportFile(
                "s.csv", b"application_id,gender,hired\na1,kvinne,ja\n"
            ),
        )
    assert not WorkforceSnapshot.objects.exists()
    assert not AuditEvent.objects.filter(action="workforce.import").exists()


def test_large_file_is_imported_by_the_worker_with_a_progress_page(
    world: World,
    analyst: User,
    norwegian_csv: bytes,
    small_threshold: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    client = client_for(analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world, {"workforce": norwegian_csv})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert response["Location"] == reverse(
        "equality:import_job", kwargs={"organisation_id": world.organisation.id, "job_id": job.pk}
    )
    stored = job.workforce_file
    assert default_storage.exists(stored)
    page = client.get(response["Location"]).content.decode()
    assert "Venter på å starte" in page and 'hx-trigger="every 3s"' in page
    fragment = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<div id="import-status"') and "<html" not in fragment
    assert not WorkforceSnapshot.objects.exists()

    _run_worker()

    job.refresh_from_db()
    assert job.status == "done"
    snapshot = WorkforceSnapshot.objects.get(year=2025)
    assert job.employee_count == snapshot.employee_count
    assert not default_storage.exists(stored)
    page = client.get(response["Location"]).content.decode()
    assert f"{snapshot.employee_count} ansatte ble importert" in page
    assert "hx-trigger" not in page
    overview = client.get(
        reverse("equality:overview", kwargs={"organisation_id": world.organisation.id})
    ).content.decode()
    assert f'href="{response["Location"]}"' in overview and "Importert" in overview


def test_rejected_large_file_shows_the_problems_and_is_deleted(
    world: World,
    analyst: User,
    small_threshold: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImportJob, "SHOWN_PROBLEMS", 5)
    bad = (
        "employee_id,gender,level,fte_percent,employment_type,annual_base_pay\n"
        + "".join(f"{i},woman,A,120,permanent,500000\n" for i in range(1, 20))
    ).encode()
    client = client_for(analyst, "nn")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world, {"workforce": bad})
    job = ImportJob.objects.get()
    stored = job.workforce_file
    _run_worker()
    job.refresh_from_db()
    assert job.status == "failed"
    assert not default_storage.exists(stored)
    page = client.get(response["Location"]).content.decode()
    assert "Ikkje importert" in page
    assert "linje 2, kolonne fte_percent" in page
    assert "19 feil i fila" in page and "Berre dei første 5 blir viste." in page
    assert len(job.problems) == 5 and job.problem_count == 19
    assert not WorkforceSnapshot.objects.exists()


def test_xlsx_that_unpacks_large_goes_to_the_worker(
    world: World,
    analyst: User,
    small_threshold: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    from tests.equality.test_reader import _zip

    small_but_large = _zip({"xl/workbook.xml": b"<x/>", "xl/s.xml": bytes(5000)})
    assert len(small_but_large) < 400
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client_for(analyst), world, {"workforce": small_but_large})
    assert response.status_code == 302
    assert ImportJob.objects.exists()


def test_xlsx_that_unpacks_past_the_limit_is_refused_at_once(
    world: World,
    analyst: User,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    """The tester's 0.9 MB file that unpacks to 300 MB: a clear answer, no worker tied up."""
    from tests.equality.test_reader import _zip

    bomb = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": bytes(300 * 2**20)})
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client_for(analyst, "en"), world, {"workforce": bomb})
    assert response.status_code == 200
    assert "the XLSX file unpacks to more than 200 MB" in response.content.decode()
    assert not ImportJob.objects.exists() and not WorkforceSnapshot.objects.exists()


def test_progress_page_only_for_the_organisations_analysts(
    world: World,
    analyst: User,
    norwegian_csv: bytes,
    small_threshold: None,
) -> None:
    _post(client_for(analyst), world, {"workforce": norwegian_csv})
    job = ImportJob.objects.get()
    url = reverse(
        "equality:import_job", kwargs={"organisation_id": world.organisation.id, "job_id": job.pk}
    )
    assert client_for(world.manager).get(url).status_code == 404
    other = core_services.organisation_create(
        actor=None, name="Andre etaten", org_number="974760673", sector="state"
    )
    root = core_services.unit_create(actor=None, organisation=other, name="Andre etaten")
    stranger = make_user("analyst@other.example", "Siri Annen")
    core_services.role_assign(actor=None, user=stranger, unit=root, role=Role.EQUALITY_ANALYST)
    assert client_for(stranger).get(url).status_code == 404
    foreign_url = reverse(
        "equality:import_job", kwargs={"organisation_id": other.id, "job_id": job.pk}
    )
    assert client_for(stranger).get(foreign_url).status_code == 404
    assert client_for(analyst).post(url).status_code == 405


def test_import_that_stops_unexpectedly_fails_cleanly_and_runs_once(
    world: World,
    analyst: User,
    norwegian_csv: bytes,
    small_threshold: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    response = _post(client_for(analyst, "en"), world, {"workforce": norwegian_csv})
    job = ImportJob.objects.get()
    stored = job.workforce_file

    def broken(**_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(services, "equality_import", broken)
    services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.finished_at is not None
    assert not default_storage.exists(stored)
    page = client_for(analyst, "en").get(response["Location"]).content.decode()
    assert "The import stopped unexpectedly" in page
    monkeypatch.undo()
    assert services.import_job_run(job_id=job.pk).status == "failed"  # not run again
    assert not WorkforceSnapshot.objects.exists()


def test_a_finished_jobs_problem_report_goes_after_thirty_days(
    world: World,
    analyst: User,
    small_threshold: None,
    django_capture_on_commit_callbacks,  # type: ignore[no-untyped-def]
) -> None:
    import datetime as dt

    from lim.equality.tasks import prune_import_jobs

    bad = b"employee_id,gender,level,fte_percent,employment_type,annual_base_pay\n" + (
        b"1,woman,A,120,permanent,500000\n" * 3
    )
    with django_capture_on_commit_callbacks(execute=True):
        _post(client_for(analyst, "nb"), world, {"workforce": bad})
    _run_worker()
    job = ImportJob.objects.get()
    assert job.finished_at is not None and job.problems
    finished = job.finished_at.date()
    prune_import_jobs.call((finished + dt.timedelta(days=30)).isoformat())
    assert ImportJob.objects.filter(pk=job.pk).exists()  # kept for a month
    prune_import_jobs.call((finished + dt.timedelta(days=31)).isoformat())
    assert not ImportJob.objects.exists()
