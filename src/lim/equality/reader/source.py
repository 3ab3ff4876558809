"""From a file (path, bytes or binary stream) to a table of strings.

Guards come before parsing: the size is checked before the file is read, an XLSX file's
unpacked size before openpyxl opens it. CSV is read by polars (fast) with the header taken
by the `csv` module; the `csv` module also reads files polars refuses (ragged rows) and
maps rows to the line numbers the user sees, which only matters when there are problems.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import os
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import IO, Any, TypeAlias

import polars as pl

from lim.equality.reader.problems import Problem

Source: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]"

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 200 * MB
# An 0.9 MB XLSX file can unpack to 300 MB and keep openpyxl busy for minutes, so the
# unpacked size, the rows and the cells are all bounded before and while reading.
DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * MB
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_CELLS = 3_000_000
ROW = "__row"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SNIFF_CHARS = 65536


@dataclass(frozen=True)
class Limits:
    uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
    rows: int = DEFAULT_MAX_ROWS
    cells: int = DEFAULT_MAX_CELLS


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _too_many(what: str, limit: int) -> SourceError:
    return SourceError([Problem(f"file.too_many_{what}", {"limit": _count(limit)})])


def _control_character(text: str, line: int, column: str | None = None) -> SourceError:
    found = _CONTROL.search(text)
    code = f"U+{ord(found.group()):04X}" if found else ""
    return SourceError(
        [Problem("file.control_character", {"code": code}, line=line, column=column)]
    )


class SourceError(Exception):
    """The file cannot be read as a table at all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(p.message() for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class RawTable:
    """Cells as strings (empty = null) in columns c0..cN, plus the record index
    `__row`; `headers` as written in the file; `line_of` maps record indices to lines."""

    headers: list[str]
    frame: pl.DataFrame
    line_of: Callable[[Sequence[int]], list[int]]


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def read_bytes(source: Source, max_bytes: int) -> bytes:
    """The file's bytes, refusing before reading when it is larger than `max_bytes`."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        size = len(data)
    elif isinstance(source, str | os.PathLike):
        size = os.stat(source).st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        with open(source, "rb") as handle:
            data = handle.read(max_bytes + 1)
        size = len(data)
    else:
        data = source.read(max_bytes + 1)
        size = len(data)
    if size > max_bytes:
        raise _too_large(size, max_bytes)
    return data


def _too_large(size: int, limit: int) -> SourceError:
    return SourceError([Problem("file.too_large", {"size_mb": _mb(size), "limit_mb": _mb(limit)})])


def load_table(data: bytes, *, limits: Limits | None = None) -> RawTable:
    limits = limits or Limits()
    if data.startswith(_ZIP_MAGIC):
        return _load_xlsx(data, limits)
    if data.startswith(_OLE_MAGIC):
        raise SourceError([Problem("file.xls_legacy")])
    table = _load_csv(data)
    if table.frame.height > limits.rows:
        raise _too_many("rows", limits.rows)
    if table.frame.height * len(table.headers) > limits.cells:
        raise _too_many("cells", limits.cells)
    return table


# --- CSV ------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, bytes]:
    """Text and UTF-8 bytes for polars: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError([Problem("file.not_tabular")]) from None
        return text, text.encode("utf-8")
    try:
        return data.decode("utf-8-sig"), data
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError([Problem("file.not_tabular")]) from None
    return text, text.encode("utf-8")


def _delimiter(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def _load_csv(data: bytes) -> RawTable:
    if b"\x00" in data[:_SNIFF_CHARS] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError([Problem("file.not_tabular")])
    text, utf8 = _decode(data)
    text = text.removeprefix("\ufeff")
    # The whole text: a control character further down breaks the XML of DOCX and XLSX.
    if found := _CONTROL.search(text):
        line = text.count("\n", 0, found.start()) + 1
        raise _control_character(found.group(), line)
    if not text.strip():
        raise SourceError([Problem("file.empty")])
    sep = _delimiter(text.split("\n", 1)[0])
    headers = next(csv.reader(io.StringIO(text[:_SNIFF_CHARS]), delimiter=sep))
    names = [f"c{i}" for i in range(len(headers))]
    try:
        frame = pl.read_csv(
            utf8,
            separator=sep,
            has_header=True,
            new_columns=names,
            infer_schema=False,
            quote_char='"',
        )
        if frame.width != len(names):  # pragma: no cover - polars keeps the header's width
            raise pl.exceptions.ComputeError("width")
    except pl.exceptions.PolarsError:
        frame = _csv_module_frame(text, sep, len(headers))
    frame = frame.with_row_index(ROW)

    def line_of(rows: Sequence[int]) -> list[int]:
        if '"' not in text:
            return [row + 2 for row in rows]
        starts = _record_start_lines(text, sep)
        return [starts[row + 1] for row in rows]

    return RawTable(headers=headers, frame=frame, line_of=line_of)


def _record_start_lines(text: str, sep: str) -> list[int]:
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    starts: list[int] = []
    previous = 0
    for _record in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


def _csv_module_frame(text: str, sep: str, width: int) -> pl.DataFrame:
    """The slow path for files polars refuses: rows longer than the header are an error
    unless the extra fields are empty (Excel sometimes writes trailing separators)."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    problems: list[Problem] = []
    columns: list[list[str | None]] = [[] for _ in range(width)]
    try:
        next(reader)
        for record in reader:
            if len(record) > width and any(field.strip() for field in record[width:]):
                problems.append(
                    Problem(
                        "file.bad_row_length",
                        {"expected": width, "found": len(record)},
                        line=reader.line_num,
                    )
                )
                continue
            for i in range(width):
                columns[i].append(record[i] if i < len(record) and record[i] != "" else None)
    except csv.Error:
        raise SourceError([Problem("file.not_tabular")]) from None
    if problems:
        raise SourceError(problems)
    return pl.DataFrame(
        {f"c{i}": values for i, values in enumerate(columns)},
        schema={f"c{i}": pl.String for i in range(width)},
    )


# --- XLSX -----------------------------------------------------------------------------


def unpacked_size(stream: IO[bytes]) -> int:
    """What an XLSX file declares it unpacks to (0 for anything else), from the zip's
    directory alone; the stream is left at its start."""
    start = stream.read(4)
    stream.seek(0)
    if start != _ZIP_MAGIC:
        return 0
    try:
        with zipfile.ZipFile(stream) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0
    finally:
        stream.seek(0)


def _load_xlsx(data: bytes, limits: Limits) -> RawTable:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceError([Problem("file.not_tabular")]) from None
    # zipfile stops at the declared size when unpacking, so the declared sizes bound it.
    max_uncompressed_bytes = limits.uncompressed_bytes
    if sum(info.file_size for info in infos) > max_uncompressed_bytes:
        limit = {"limit_mb": _mb(max_uncompressed_bytes)}
        raise SourceError([Problem("file.xlsx_too_large_uncompressed", limit)])
    if not any(info.filename == "xl/workbook.xml" for info in infos):
        raise SourceError([Problem("file.not_tabular")])

    # Imported here so that CSV input never pays for it; through importlib because
    # openpyxl ships no type information.
    openpyxl = importlib.import_module("openpyxl")

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _sheet_table(workbook.worksheets[0], limits)
        finally:
            workbook.close()
    except SourceError:
        raise
    except Exception as error:  # openpyxl raises many types for broken files
        detail = type(error).__name__
        raise SourceError([Problem("file.xlsx_corrupt", {"detail": detail})]) from None


def _sheet_table(sheet: Any, limits: Limits) -> RawTable:
    sheet.reset_dimensions()  # some writers record a wrong sheet size
    headers: list[str] | None = None
    rows: list[list[str | None]] = []
    lines: list[int] = []
    cell_count = 0
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        cell_count += len(cells)
        if cell_count > limits.cells:
            raise _too_many("cells", limits.cells)
        values = [_cell_text(cell) for cell in cells]
        for index, value in enumerate(values):
            if value is not None and _CONTROL.search(value):
                name = headers[index] if headers and index < len(headers) else None
                raise _control_character(value, number, name)
        if headers is None:
            if any(v is not None for v in values):
                headers = [v or "" for v in values]
            continue
        if any(v is not None for v in values):
            if len(rows) == limits.rows:
                raise _too_many("rows", limits.rows)
            rows.append(values)
            lines.append(number)
    if headers is None:
        raise SourceError([Problem("file.empty")])
    width = max([len(headers), *(len(r) for r in rows)])
    headers += [""] * (width - len(headers))
    columns = {f"c{i}": [r[i] if i < len(r) else None for r in rows] for i in range(width)}
    frame = pl.DataFrame(columns, schema={f"c{i}": pl.String for i in range(width)})
    frame = frame.with_row_index(ROW)

    def line_of(indices: Sequence[int]) -> list[int]:
        return [lines[i] for i in indices]

    return RawTable(headers=headers, frame=frame, line_of=line_of)


def _cell_text(cell: Any) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        if "%" in (getattr(cell, "number_format", None) or ""):
            value = value * 100  # a cell formatted as 80 % holds 0.8
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(round(value, 10)) if isinstance(value, float) else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
