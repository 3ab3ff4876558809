"""Stored uploads are private to LIM's user; spool files of killed requests are removed."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client

from lim.core.uploads import upload_temp_files_remove_stale
from lim.portal.models import ApplicationDocument
from lim.recruitment.models import JobAd
from tests.portal.conftest import Clock, ad, case, clock, people, post_application  # noqa: F401

NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_a_stored_cv_is_readable_by_lims_user_only(ad: JobAd, clock: Clock) -> None:  # noqa: F811
    response = post_application(Client(), ad)
    assert response.status_code == 302
    document = ApplicationDocument.objects.get()
    path = Path(document.file.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_upload_spool_is_lims_own_folder() -> None:
    folder = Path(django_settings.FILE_UPLOAD_TEMP_DIR)
    assert folder.is_dir()
    assert folder.is_relative_to(django_settings.DATA_DIR)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_stale_spool_files_are_removed_and_fresh_ones_kept(settings: Any, tmp_path: Path) -> None:
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path
    stale, fresh = tmp_path / "stale.upload", tmp_path / "fresh.upload"
    for path, age in ((stale, dt.timedelta(hours=2)), (fresh, dt.timedelta(minutes=10))):
        path.write_bytes(b"part of a CV")
        moment = (NOW - age).timestamp()
        os.utime(path, (moment, moment))

    assert upload_temp_files_remove_stale(now=NOW) == 1

    assert not stale.exists()
    assert fresh.exists()


def test_cleaning_a_missing_spool_folder_does_nothing(settings: Any, tmp_path: Path) -> None:
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "missing"
    assert upload_temp_files_remove_stale(now=NOW) == 0
