"""Bounds on the work a file can cause, and characters documents cannot hold: a large or
hostile file is refused with a message naming the limit, before it ties up a worker."""

from __future__ import annotations

import io
from collections.abc import Iterator

import openpyxl
import pytest

from lim.equality.reader import Limits, read_workforce, unpacked_size
from lim.equality.reader.source import SourceError, _sheet_table

from .conftest import rejected
from .test_reader import GOOD, HEADER, _xlsx, _zip, csv_bytes


def _rows(n: int) -> list[str]:
    return [f"{i},woman,A,100,permanent,500000" for i in range(1, n + 1)]


def test_csv_with_too_many_rows_names_the_limit() -> None:
    assert rejected(csv_bytes(*_rows(11)), max_rows=10) == [
        "the file has more than 10 rows, the most LIM reads; remove rows that are not "
        "employees or split the organisation"
    ]
    assert read_workforce(csv_bytes(*_rows(10)), max_rows=10).ok


def test_xlsx_with_too_many_rows_stops_reading() -> None:
    data = _xlsx([HEADER.split(","), *([i, "woman", "A", 100, "permanent", 1] for i in range(20))])
    assert rejected(data, max_rows=5)[0].startswith("the file has more than 5 rows")


def test_xlsx_with_too_many_cells_names_the_limit() -> None:
    wide = [*HEADER.split(","), *(f"extra{i}" for i in range(200))]
    data = _xlsx([wide, *([i, "woman", "A", 100, "permanent", 1, *range(200)] for i in range(20))])
    assert rejected(data, max_cells=1000)[0].startswith("the file has more than 1\u00a0000 cells")


def test_xlsx_bomb_is_refused_from_the_declared_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 0.9 MB file that unpacks to 300 MB is refused at the default limit, unopened."""
    bomb = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": bytes(300 * 2**20)})
    assert len(bomb) < 1_000_000
    assert unpacked_size(io.BytesIO(bomb)) > 300 * 2**20
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("opened"))
    assert rejected(bomb) == ["the XLSX file unpacks to more than 200 MB"]


def test_unpacked_size_of_csv_is_zero_and_the_stream_is_rewound() -> None:
    stream = io.BytesIO(csv_bytes(GOOD))
    assert unpacked_size(stream) == 0
    assert stream.tell() == 0


def test_control_character_after_the_first_64_kib_is_found_with_its_line() -> None:
    rows = _rows(3000)
    rows.append("3001,woman,Seksjon\x0bsjef,100,permanent,500000")
    data = csv_bytes(*rows)
    assert len(data) > 65536
    assert rejected(data) == [
        "line 3002: contains a control character (U+000B) that documents cannot hold; remove "
        "it (in Word it is often a line break made with Shift+Enter)"
    ]


class _Cell:
    def __init__(self, value: object) -> None:
        self.value = value


class _Sheet:
    """What openpyxl gives for Excel's shared string "Sjef_x000B_": the unescaped text."""

    def __init__(self, rows: list[list[object]]) -> None:
        self.rows = rows

    def reset_dimensions(self) -> None:
        pass

    def iter_rows(self) -> Iterator[list[_Cell]]:
        return ([_Cell(v) for v in row] for row in self.rows)


def test_control_character_in_an_xlsx_cell_names_line_and_column() -> None:
    sheet = _Sheet([HEADER.split(","), [1, "woman", "Sjef\x0b", 100, "permanent", 1]])
    with pytest.raises(SourceError) as error:
        _sheet_table(sheet, Limits())
    message = error.value.problems[0].message()
    assert message.startswith("line 2, column level: contains a control character (U+000B)")
