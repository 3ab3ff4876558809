"""Uploaded documents leave the disk with their rows, however the row goes: withdrawal,
the end of retention, or a deleted case. Connected in PortalConfig.ready."""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction


def remove_file_after_commit(sender: Any, instance: Any, **kwargs: Any) -> None:
    """post_delete of ApplicationDocument: delete the file once the deletion is committed
    (a rolled-back deletion keeps it)."""
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
