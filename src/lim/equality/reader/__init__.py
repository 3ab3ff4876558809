"""Read the workforce and applications files (formats/workforce.md).

    result = read_workforce(path_or_bytes)
    if isinstance(result, Rejected): show result.errors (nothing is imported)
    else: result.frame has the canonical columns and types; result.warnings

A file is accepted or rejected as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from lim.equality.reader.columns import APPLICATIONS, WORKFORCE, ColumnSpec
from lim.equality.reader.normalise import normalise
from lim.equality.reader.problems import Lang, Problem
from lim.equality.reader.source import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CELLS,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_UNCOMPRESSED_BYTES,
    Limits,
    Source,
    SourceError,
    load_table,
    read_bytes,
    unpacked_size,
)

__all__ = [
    "APPLICATIONS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CELLS",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_MAX_UNCOMPRESSED_BYTES",
    "WORKFORCE",
    "Accepted",
    "Lang",
    "Limits",
    "Problem",
    "ReadResult",
    "Rejected",
    "Source",
    "neutralise_formula",
    "read_applications",
    "read_workforce",
    "unpacked_size",
]


@dataclass(frozen=True)
class Accepted:
    """The file was valid: canonical column names (only the columns the file had)."""

    frame: pl.DataFrame
    warnings: tuple[Problem, ...]

    ok = True


@dataclass(frozen=True)
class Rejected:
    """The file was invalid: every problem found; nothing may be imported."""

    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    ok = False


ReadResult = Accepted | Rejected


def _read(
    source: Source, specs: tuple[ColumnSpec, ...], max_bytes: int, limits: Limits
) -> ReadResult:
    try:
        data = read_bytes(source, max_bytes)
        table = load_table(data, limits=limits)
    except SourceError as error:
        return Rejected(error.problems, ())
    result = normalise(table, specs)
    if result.frame is None:
        return Rejected(result.errors, result.warnings)
    return Accepted(result.frame, result.warnings)


def read_workforce(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_cells: int = DEFAULT_MAX_CELLS,
) -> ReadResult:
    """Read a workforce file (CSV or XLSX) from a path, bytes or a binary stream."""
    limits = Limits(max_uncompressed_bytes, max_rows, max_cells)
    return _read(source, WORKFORCE, max_bytes, limits)


def read_applications(
    source: Source,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_cells: int = DEFAULT_MAX_CELLS,
) -> ReadResult:
    """Read an applications file (CSV or XLSX) from a path, bytes or a binary stream."""
    limits = Limits(max_uncompressed_bytes, max_rows, max_cells)
    return _read(source, APPLICATIONS, max_bytes, limits)


def neutralise_formula(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
