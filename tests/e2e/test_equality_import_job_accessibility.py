"""WCAG 2.1 AA on the progress page of a large workforce import, in each of its states."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from lim.core.demo import demo_load
from lim.core.models import Organisation
from lim.equality.models import ImportJob, ImportStatus

from .test_accessibility import LANGS, _assert_no_violations, _log_in, _set_language


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_import_progress_page_has_no_axe_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    organisation = Organisation.objects.get()
    at = dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC)
    jobs = [
        ImportJob.objects.create(
            organisation=organisation,
            year=2025,
            requested_at=at,
            status=status,
            workforce_name="hr.xlsx",
            problems=problems,
            employee_count=count,
        )
        for status, problems, count in (
            (ImportStatus.QUEUED, [], None),
            (ImportStatus.DONE, [], 1200),
            (ImportStatus.FAILED, ["linje 2, kolonne fte_percent: «0» må være over 0"], None),
        )
    ]
    _set_language(page, lang)
    _log_in(page, "admin@fjordvik.example")
    for job in jobs:
        url = reverse(
            "equality:import_job", kwargs={"organisation_id": organisation.pk, "job_id": job.pk}
        )
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        _assert_no_violations(page, f"{job.status} [{lang}]")
