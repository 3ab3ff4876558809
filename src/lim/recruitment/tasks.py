"""Recruitment's background tasks on `lim worker` (the daily ones are in jobs.py)."""

from __future__ import annotations

from django_tasks import task


@task()
def make_archive_package(case_id: str) -> str:
    """Make the case's archive package once the hire is recorded (services/archive.py)."""
    from lim.recruitment.models import RecruitmentCase
    from lim.recruitment.services.archive import archive_package_make

    case = RecruitmentCase.objects.select_related("organisation").get(pk=case_id)
    return str(archive_package_make(case=case).id)
