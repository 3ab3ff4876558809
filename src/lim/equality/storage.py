"""Between the database and the pure core: files in, Parquet stored, report and bytes out.

A snapshot keeps the validated table as Parquet; reading it back gives exactly the frame
the reader produced, so the statement is computed the same way as `lim equality report`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Literal

import polars as pl

from lim.equality import reader


@dataclass(frozen=True)
class StoredTable:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    row_count: int = 0
    parquet: bytes = b""


def _store(result: reader.ReadResult, language: str) -> StoredTable:
    warnings = [w.message(language) for w in result.warnings]
    if isinstance(result, reader.Rejected):
        return StoredTable(problems=[e.message(language) for e in result.errors], warnings=warnings)
    buffer = io.BytesIO()
    result.frame.write_parquet(buffer)
    return StoredTable(
        warnings=warnings,
        columns=list(result.frame.columns),
        row_count=result.frame.height,
        parquet=buffer.getvalue(),
    )


def read_workforce_file(content: bytes, *, filename: str, language: str = "nb") -> StoredTable:
    """Validate a workforce file; `filename` is only for messages and the record."""
    return _store(reader.read_workforce(content), language)


def read_applications_file(content: bytes, *, filename: str, language: str = "nb") -> StoredTable:
    return _store(reader.read_applications(content), language)


BACKGROUND_IMPORT_BYTES = 2 * 1024 * 1024
# An XLSX file is work in proportion to what it unpacks to, roughly ten times its size.
UNPACKED_PER_BYTE = 10


def background_import_bytes() -> int:
    """Imports above this size run in the worker (setting LIM_EQUALITY_BACKGROUND_IMPORT_BYTES)."""
    from django.conf import settings

    limit: int = getattr(settings, "LIM_EQUALITY_BACKGROUND_IMPORT_BYTES", BACKGROUND_IMPORT_BYTES)
    return limit


def runs_in_background(*uploads: IO[bytes] | None) -> bool:
    """Whether an import is large enough to run in the worker rather than in the request:
    its size, or for XLSX what it unpacks to, which is the work openpyxl does. An XLSX
    file that unpacks to more than the reader accepts is refused at once, in the request."""
    limit = background_import_bytes()
    large = False
    for upload in uploads:
        if upload is None:
            continue
        size = upload.seek(0, io.SEEK_END)
        upload.seek(0)
        unpacked = reader.unpacked_size(upload)
        if unpacked > reader.DEFAULT_MAX_UNCOMPRESSED_BYTES:
            return False
        large = large or size > limit or unpacked > limit * UNPACKED_PER_BYTE
    return large


def load_frame(parquet: bytes) -> pl.DataFrame:
    return pl.read_parquet(io.BytesIO(parquet))


def build_report_dict(
    *,
    workforce: bytes,
    applications: bytes | None,
    year: int,
    organisation: str,
    audience: Literal["public", "internal"],
    min_group_size: int,
    recruitment: Mapping[str, Any] | None = None,
    language: str = "nb",
) -> dict[str, Any]:
    """The report's JSON form; its warnings are in `language`."""
    from lim.equality.report import build_report

    report = build_report(
        load_frame(workforce),
        year=year,
        organisation=organisation,
        audience=audience,
        min_group_size=min_group_size,
        applications=load_frame(applications) if applications is not None else None,
        recruitment=recruitment,
    )
    result: dict[str, Any] = report.to_json_dict(language)
    return result


def render_report(report: Mapping[str, Any], fmt: str, **options: Any) -> bytes:
    from lim.equality.render import get_renderer

    renderer = get_renderer(fmt)
    if renderer is None:
        raise ValueError(f"format {fmt} is not available")
    return renderer(report, **options)
