"""Shared helpers for the equality tests: no Django, files only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from lim.equality.reader import Accepted, Rejected, read_workforce

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "workforce_clean.csv"
NORWEGIAN = FIXTURES / "workforce_norwegian.csv"
APPLICATIONS = FIXTURES / "applications.csv"

NUMBER_COLUMNS = {
    "level_rank",
    "fte_percent",
    "annual_base_pay",
    "fixed_allowances",
    "variable_pay",
    "overtime_hours",
    "parental_leave_weeks",
    "child_sick_days",
    "sick_leave_days",
    "planned_work_days",
}


def xlsx_from_clean(path: Path = CLEAN) -> bytes:
    """The clean fixture as Excel writes it: numbers as numbers, dates as dates, booleans
    as booleans, a part-time share formatted as a percentage, and an empty row."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(rows[0])
    for index, row in enumerate(rows[1:]):
        values: list[Any] = []
        for name, text in zip(rows[0], row, strict=True):
            if text == "":
                values.append(None)
            elif name in NUMBER_COLUMNS:
                number = float(text)
                values.append(int(number) if number.is_integer() else number)
            elif name == "start_date":
                values.append(dt.datetime.fromisoformat(text))
            elif text in ("yes", "no"):
                values.append(text == "yes")
            else:
                values.append(text)
        sheet.append(values)
        if row[rows[0].index("fte_percent")] == "80":
            cell = sheet.cell(row=sheet.max_row, column=rows[0].index("fte_percent") + 1)
            cell.value = 0.8
            cell.number_format = "0%"
        if index == 3:
            sheet.append([])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def accepted(source: Any) -> pl.DataFrame:
    result = read_workforce(source)
    assert isinstance(result, Accepted), [p.message() for p in result.errors]  # type: ignore[union-attr]
    return result.frame


def rejected(source: Any, **options: Any) -> list[str]:
    result = read_workforce(source, **options)
    assert isinstance(result, Rejected), "the file was accepted"
    return [p.message() for p in result.errors]


@pytest.fixture(scope="session")
def clean_frame() -> pl.DataFrame:
    return accepted(CLEAN)
