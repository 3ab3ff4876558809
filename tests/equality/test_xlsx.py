"""The XLSX workbook shows the same numbers as the JSON form, cell by cell."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import polars as pl
import pytest

from lim.equality.reader import read_applications
from lim.equality.render import get_renderer
from lim.equality.render.xlsx import HIDDEN, render_xlsx, why_hidden
from lim.equality.report import build_report

from .conftest import APPLICATIONS, CLEAN, accepted


def _report(audience: str, threshold: int, frame: pl.DataFrame | None = None) -> dict[str, Any]:
    applications = read_applications(APPLICATIONS)
    return build_report(
        accepted(CLEAN) if frame is None else frame,
        year=2025,
        organisation="=Fiktiv etat",
        audience=audience,  # type: ignore[arg-type]
        min_group_size=threshold,
        applications=applications.frame,  # type: ignore[union-attr]
    ).to_json_dict()


def _sheets(data: bytes) -> dict[str, list[list[Any]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def _shown(table: dict[str, Any] | None, key: str) -> Any:
    """What a cell must show for a JSON figure."""
    if table is None:
        return None
    value = table[key]
    if value is None and table.get("suppressed"):
        return HIDDEN
    return value


def _expected(report: dict[str, Any]) -> dict[str, list[list[Any]]]:
    internal = report["audience"] == "internal"
    pay_keys = ["women_pct_of_men_mean", "women_pct_of_men_median"]
    if internal:
        pay_keys += ["women_mean", "men_mean", "women_median", "men_median"]
    share_keys = ["women", "men", "other", "unknown", "women_pct", "men_pct",
                  "share_of_women_pct", "share_of_men_pct"]  # fmt: skip
    count_keys = ["women", "men", "other", "unknown", "women_pct", "men_pct", "other_pct",
                  "unknown_pct"]  # fmt: skip
    t = report["pay_transparency"]
    parental, sick = report["parental_leave"], report["sick_leave"]
    child, overtime = report["child_sick_days"], report["overtime"]
    return {
        "Kjønnsbalanse": [
            [r["label"], r["women"], r["men"], r["other"], r["unknown"], r["women_pct"],
             r["men_pct"]]
            for r in report["gender_balance"]["rows"]
        ],
        "Lønn": [
            [r["label"], r["women"], r["men"], *(_shown(r, k) for k in pay_keys),
             why_hidden(r["suppressed_reason"], report["min_group_size"])
             if r["suppressed"] else None]
            for r in report["pay"]["rows"]
        ],
        "Midlertidig og deltid": [
            [label, *(_shown(report[key], k) for k in share_keys)]
            for label, key in (("Midlertidig ansatte", "temporary"),
                               ("Deltidsansatte", "part_time"),
                               ("Ufrivillig deltid", "involuntary_part_time"))
        ],
        "Fravær og overtid": [
            [None, _shown(parental, "women_n"), _shown(parental, "men_n")],
            [None, _shown(parental, "women_avg_weeks"), _shown(parental, "men_avg_weeks")],
            [None, _shown(sick, "women_pct"), _shown(sick, "men_pct")],
            [None, _shown(child, "women_avg"), _shown(child, "men_avg")],
            [None, _shown(overtime, "women_avg_hours"), _shown(overtime, "men_avg_hours")],
        ],
        "Rekruttering": [
            [None, *(_shown(report["recruitment"][part], k) for k in count_keys)]
            for part in ("applicants", "hired")
        ],
        "Lønnsgap": [
            [None, _shown(t, k)]
            for k in ("mean_gap_pct", "median_gap_pct", "variable_mean_gap_pct",
                      "variable_median_gap_pct", "variable_share_women_pct",
                      "variable_share_men_pct")
        ],
        "Lønnskvartiler": [
            [q["band"], _shown({**q, "suppressed": t["suppressed"]}, "women_pct"),
             _shown({**q, "suppressed": t["suppressed"]}, "men_pct")]
            for q in t["quartiles"]
        ],
        "Lønnsgap per kategori": [
            [r["label"], r["women"], r["men"], _shown(r, "mean_gap_pct"),
             _shown(r, "median_gap_pct"),
             {True: "ja", False: "nei", None: HIDDEN}[r["joint_assessment_trigger"]]]
            for r in t["by_category"]
        ],
    }  # fmt: skip


@pytest.mark.parametrize(("audience", "threshold"), [("internal", 3), ("public", 5)])
def test_every_cell_equals_the_json(audience: str, threshold: int) -> None:
    report = _report(audience, threshold)
    sheets = _sheets(render_xlsx(report))
    expected = _expected(report)
    assert list(sheets) == [*expected, "Om rapporten"]
    for title, rows in expected.items():
        body = sheets[title][1:]  # below the header
        assert len(body) == len(rows), title
        for got, want in zip(body, rows, strict=True):
            if want[0] is None:  # a fixed Norwegian label
                got, want = got[1:], want[1:]
            assert got == want, title
    assert all(isinstance(h, str) for h in sheets["Lønn"][0])
    if audience == "public":
        assert len(sheets["Lønn"][0]) == 6  # no kroner columns; the note why
        assert HIDDEN in sheets["Lønn"][2]


def test_text_from_the_file_is_neutralised() -> None:
    frame = accepted(CLEAN).with_columns(
        pl.col("level").replace({"Leder": '=HYPERLINK("http://x")'}),
        pl.col("position_category").replace({"Støtte": "@SUM(A1)"}),
    )
    report = _report("internal", 3, frame)
    sheets = _sheets(render_xlsx(report))
    assert sheets["Kjønnsbalanse"][2][0] == '\'=HYPERLINK("http://x")'
    assert sheets["Lønnsgap per kategori"][1][0] == "'@SUM(A1)"
    assert sheets["Om rapporten"][0] == ["Virksomhet", "'=Fiktiv etat"]
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_hidden_cells_have_a_note() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(_report("public", 5))))
    cell = workbook["Lønn"]["D3"]
    assert cell.value == HIDDEN
    assert "færre enn 5" in cell.comment.text
    notes = [row[0] for row in workbook["Om rapporten"].iter_rows(values_only=True)]
    assert any(isinstance(n, str) and n.startswith("«skjult»") for n in notes)


def test_missing_tables_are_empty_cells() -> None:
    frame = accepted(CLEAN).select(
        "employee_id", "gender", "level", "fte_percent", "employment_type", "annual_base_pay"
    )
    report = build_report(frame, year=2025, organisation="X").to_json_dict()
    sheets = _sheets(get_renderer("xlsx")(report))  # type: ignore[misc]
    assert sheets["Midlertidig og deltid"][3] == ["Ufrivillig deltid", *[None] * 8]
    assert sheets["Rekruttering"][1][1:] == [None] * 8
    assert len(sheets["Lønnsgap per kategori"]) == 1


def test_renderer_hook() -> None:
    assert get_renderer("xlsx") is render_xlsx
    assert get_renderer("yaml") is None
    json_renderer = get_renderer("json")
    assert json_renderer is not None
    assert json_renderer({"a": "ø"}) == b'{\n  "a": "\xc3\xb8"\n}\n'
