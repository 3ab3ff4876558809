"""Upload spool files that a killed request left behind in FILE_UPLOAD_TEMP_DIR."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(hours=1)


def upload_temp_files_remove_stale(
    *, now: dt.datetime, older_than: dt.timedelta = STALE_AFTER
) -> int:
    """Delete spool files last changed before `now - older_than`; return how many.

    A live request writes its spool file as it reads the upload, so an hour-old file
    belongs to a request that is gone."""
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    if not folder.is_dir():
        return 0
    cutoff = (now - older_than).timestamp()
    removed = 0
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process removed it first
            continue
    if removed:
        logger.info("Removed %d stale upload file(s)", removed)
    return removed
