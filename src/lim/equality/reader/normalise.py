"""From a table of strings to canonical, typed columns — vectorised polars expressions.

Every check is a boolean column; one pass tells whether any failed. Only then are the
failing rows turned into problems (with line numbers), so valid files stay on the fast path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from lim.equality.reader.columns import ColumnSpec, Kind, header_index, header_key
from lim.equality.reader.problems import ParamValue, Problem
from lim.equality.reader.source import ROW, RawTable
from lim.equality.reader.values import CellCheck, Column, cell_checks, typed_frame


@dataclass(frozen=True)
class Normalised:
    frame: pl.DataFrame | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def normalise(table: RawTable, specs: tuple[ColumnSpec, ...]) -> Normalised:
    errors: list[Problem] = []
    warnings: list[Problem] = []
    index = header_index(specs)
    frame = table.frame
    found: dict[str, tuple[str, str]] = {}  # spec name -> (source column, header)
    for position, header in enumerate(table.headers):
        source = f"c{position}"
        if not header.strip():
            if frame[source].null_count() < frame.height:
                warnings.append(
                    Problem("header.unnamed_column", {"position": position + 1}, severity="warning")
                )
            continue
        spec = index.get(header_key(header))
        if spec is None:
            warnings.append(Problem("header.unknown_column", column=header, severity="warning"))
        elif spec.name in found:
            errors.append(
                Problem("header.duplicate_column", {"name": found[spec.name][1]}, column=header)
            )
        else:
            found[spec.name] = (source, header)
    for spec in specs:
        if spec.required and spec.name not in found:
            errors.append(
                Problem("header.missing_column", {"name": spec.name, "alias": spec.alias})
            )

    used = [source for source, _ in found.values()]
    if used:
        frame = frame.filter(pl.any_horizontal(pl.col(used).is_not_null()))
    if frame.height == 0 or not used:
        errors.append(Problem("file.empty"))
        return Normalised(None, tuple(errors), tuple(warnings))

    columns = [Column(spec, *found[spec.name]) for spec in specs if spec.name in found]
    x_marks = _x_mark_columns(frame, columns)
    work = typed_frame(frame, columns)
    values: list[pl.Expr] = []
    checks: list[CellCheck] = []
    for column in columns:
        value, column_checks = cell_checks(column, column.source in x_marks)
        values.append(value)
        checks.extend(column_checks)

    failed = work.select(
        pl.lit(False).alias("__none"),
        *(c.mask.fill_null(False).any().alias(str(i)) for i, c in enumerate(checks)),
    ).row(0, named=True)
    failing = [c for i, c in enumerate(checks) if failed[str(i)]]
    if failing:
        errors.extend(_row_problems(work, table, failing))
    if errors:
        return Normalised(None, tuple(errors), tuple(warnings))
    return Normalised(work.select(values), (), tuple(warnings))


def _x_mark_columns(frame: pl.DataFrame, columns: Sequence[Column]) -> set[str]:
    sources = [c.source for c in columns if c.spec.kind is Kind.BOOLEAN]
    if not sources:
        return set()
    marks = frame.select(
        pl.col(c).is_in(["x", "X", " x", "x ", " X", "X "]).any().alias(c) for c in sources
    ).row(0, named=True)
    return {c for c in sources if marks[c]}


def _row_problems(frame: pl.DataFrame, table: RawTable, failing: list[CellCheck]) -> list[Problem]:
    found: list[tuple[int, str, str, dict[str, ParamValue], int]] = []
    for order, check in enumerate(failing):
        source = check.column.source
        rows = frame.filter(check.mask.fill_null(False)).select(ROW, source)
        for row, raw in rows.iter_rows():
            params = dict(check.params)
            if check.code != "value.required":
                params["value"] = (raw or "").strip()
            found.append((row, check.column.header, check.code, params, order))
    duplicates = [f for f in found if f[2] == "value.duplicate_id"]
    first_rows: dict[str, int] = {}
    if duplicates:
        source = next(c.column.source for c in failing if c.code == "value.duplicate_id")
        firsts = frame.filter(pl.col(source).is_first_distinct()).select(source, ROW)
        first_rows = dict(firsts.iter_rows())
    all_rows = sorted({f[0] for f in found} | set(first_rows.values()))
    lines = dict(zip(all_rows, table.line_of(all_rows), strict=True))
    problems: list[tuple[int, int, Problem]] = []
    for row, header, code, params, order in found:
        if code == "value.duplicate_id":
            params["first_line"] = lines[first_rows[str(params["value"])]]
        problems.append((lines[row], order, Problem(code, params, line=lines[row], column=header)))
    problems.sort(key=lambda item: (item[0], item[1]))
    return [p for _, _, p in problems]
