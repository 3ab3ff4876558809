"""The archive package: the case's archival records as one PDF/A document, made when the
hire is recorded, for the organisation's archive (LIM is not the archive)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.recruitment.models.cases import RecruitmentCase


def archive_storage() -> Storage:
    """STORAGES["archive"] when configured; else MEDIA_ROOT, where only LIM's own user
    can read the packages (files 0600, folders 0700)."""
    if "archive" in settings.STORAGES:
        return storages["archive"]
    return FileSystemStorage(file_permissions_mode=0o600, directory_permissions_mode=0o700)


def _package_name(instance: object, filename: str) -> str:
    # Random on disk; the download gets a readable name.
    return f"archive/{uuid.uuid4().hex}.pdf"


class ArchivePackage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        RecruitmentCase, on_delete=models.CASCADE, related_name="archive_packages"
    )
    file = models.FileField(
        _("file"), upload_to=_package_name, storage=archive_storage, max_length=200
    )
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    made_at = models.DateTimeField(_("made"))

    class Meta:
        verbose_name = _("archive package")
        verbose_name_plural = _("archive packages")
        ordering = ["-made_at"]

    def __str__(self) -> str:
        return f"{self.case} {self.made_at:%Y-%m-%d}"
