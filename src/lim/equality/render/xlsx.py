"""The statement as an Excel workbook: one sheet per table, headers in bokmål.

Cells hold the same numbers as the JSON form. A suppressed figure is the text "skjult"
with a comment; a figure without input data is an empty cell. Text from the input
(level and category names, the organisation) is neutralised so Excel never runs it as a
formula.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Mapping, Sequence
from typing import Any

from lim.equality.reader import neutralise_formula
from lim.equality.xmltext import xml_safe

HIDDEN = "skjult"
PCT_FORMAT = "0.0"
KRONER_FORMAT = "#,##0"

GENDER_COLUMNS = ["Kvinner", "Menn", "Annet", "Ukjent"]
SHARE_HEADER = [
    "",
    *GENDER_COLUMNS,
    "Kvinner (%)",
    "Menn (%)",
    "Andel av alle kvinner (%)",
    "Andel av alle menn (%)",
]

Row = Sequence[Any]


class _Hidden:
    """Marks a suppressed cell and says why (the reason from the report)."""

    def __init__(self, reason: str | None) -> None:
        self.reason = reason or "small_group"


def _cell(table: Mapping[str, Any] | None, key: str) -> Any:
    """A figure from a table: None for a missing table, a _Hidden when suppressed."""
    if table is None:
        return None
    value = table.get(key)
    if value is None and table.get("suppressed"):
        return _Hidden(table.get("suppressed_reason"))
    return value


def why_hidden(reason: str | None, n: int) -> str:
    if reason == "complementary":
        return "Skjult for at et annet skjult tall ikke skal kunne regnes ut fra de andre."
    return f"Skjult: færre enn {n} personer i en sammenlignet gruppe."


def _gender_balance(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    header = ["Nivå", *GENDER_COLUMNS, "Kvinner (%)", "Menn (%)"]
    keys = ("women", "men", "other", "unknown", "women_pct", "men_pct")
    rows = [[r["label"], *(r[k] for k in keys)] for r in report["gender_balance"]["rows"]]
    return header, rows


def _pay(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    header = [
        "Nivå",
        "Kvinner",
        "Menn",
        "Kvinners lønn i % av menns (gjennomsnitt)",
        "Kvinners lønn i % av menns (median)",
    ]
    keys = ["women_pct_of_men_mean", "women_pct_of_men_median"]
    if report["audience"] == "internal":
        header += [
            "Gjennomsnitt kvinner (kr)",
            "Gjennomsnitt menn (kr)",
            "Median kvinner (kr)",
            "Median menn (kr)",
        ]
        keys += ["women_mean", "men_mean", "women_median", "men_median"]
    header.append("Merknad")
    n = report["min_group_size"]
    rows = [
        [
            r["label"],
            r["women"],
            r["men"],
            *(_cell(r, k) for k in keys),
            why_hidden(r.get("suppressed_reason"), n) if r["suppressed"] else None,
        ]
        for r in report["pay"]["rows"]
    ]
    return header, rows


def _shares(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    keys = (
        "women",
        "men",
        "other",
        "unknown",
        "women_pct",
        "men_pct",
        "share_of_women_pct",
        "share_of_men_pct",
    )
    tables = (
        ("Midlertidig ansatte", report["temporary"]),
        ("Deltidsansatte", report["part_time"]),
        ("Ufrivillig deltid", report["involuntary_part_time"]),
    )
    return SHARE_HEADER, [[label, *(_cell(t, k) for k in keys)] for label, t in tables]


def _leave(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    parental = report["parental_leave"]
    sick, child, overtime = report["sick_leave"], report["child_sick_days"], report["overtime"]
    rows: list[Row] = [
        ["Foreldrepermisjon: antall med uttak", _cell(parental, "women_n"),
         _cell(parental, "men_n")],
        ["Foreldrepermisjon: gjennomsnitt uker", _cell(parental, "women_avg_weeks"),
         _cell(parental, "men_avg_weeks")],
        ["Sykefravær (%)", _cell(sick, "women_pct"), _cell(sick, "men_pct")],
        ["Fravær sykt barn: gjennomsnitt dager", _cell(child, "women_avg"),
         _cell(child, "men_avg")],
        ["Overtid: gjennomsnitt timer", _cell(overtime, "women_avg_hours"),
         _cell(overtime, "men_avg_hours")],
    ]  # fmt: skip
    return ["Indikator", "Kvinner", "Menn"], rows


def _recruitment(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    header = ["", *GENDER_COLUMNS, "Kvinner (%)", "Menn (%)", "Annet (%)", "Ukjent (%)"]
    keys = ("women", "men", "other", "unknown", "women_pct", "men_pct", "other_pct", "unknown_pct")
    recruitment = report["recruitment"] or {}
    rows = [
        [label, *(_cell(recruitment.get(part), k) for k in keys)]
        for label, part in (("Søkere", "applicants"), ("Ansatt", "hired"))
    ]
    return header, rows


def _gaps(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    t = report["pay_transparency"]
    labels = (
        ("Lønnsgap, gjennomsnitt (%)", "mean_gap_pct"),
        ("Lønnsgap, median (%)", "median_gap_pct"),
        ("Lønnsgap variabel lønn, gjennomsnitt (%)", "variable_mean_gap_pct"),
        ("Lønnsgap variabel lønn, median (%)", "variable_median_gap_pct"),
        ("Andel kvinner med variabel lønn (%)", "variable_share_women_pct"),
        ("Andel menn med variabel lønn (%)", "variable_share_men_pct"),
    )
    return ["Indikator (totallønn)", "Verdi"], [[label, _cell(t, k)] for label, k in labels]


def _quartiles(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    t = report["pay_transparency"]
    rows = [
        [q["band"], _cell({**q, "suppressed": t["suppressed"]}, "women_pct"),
         _cell({**q, "suppressed": t["suppressed"]}, "men_pct")]
        for q in t["quartiles"]
    ]  # fmt: skip
    return ["Lønnskvartil (1 = lavest)", "Kvinner (%)", "Menn (%)"], rows


def _categories(report: Mapping[str, Any]) -> tuple[list[str], Sequence[Row]]:
    header = [
        "Stillingskategori",
        "Kvinner",
        "Menn",
        "Lønnsgap, gjennomsnitt (%)",
        "Lønnsgap, median (%)",
        "Felles lønnsvurdering (gap ≥ 5 %)",
    ]
    rows: list[Row] = []
    for r in report["pay_transparency"]["by_category"] or []:
        trigger = _cell(r, "joint_assessment_trigger")
        if isinstance(trigger, bool):
            trigger = "ja" if trigger else "nei"
        rows.append(
            [r["label"], r["women"], r["men"], _cell(r, "mean_gap_pct"),
             _cell(r, "median_gap_pct"), trigger]
        )  # fmt: skip
    return header, rows


SHEETS = (
    ("Kjønnsbalanse", _gender_balance),
    ("Lønn", _pay),
    ("Midlertidig og deltid", _shares),
    ("Fravær og overtid", _leave),
    ("Rekruttering", _recruitment),
    ("Lønnsgap", _gaps),
    ("Lønnskvartiler", _quartiles),
    ("Lønnsgap per kategori", _categories),
)
ABOUT_SHEET = "Om rapporten"


def _about(report: Mapping[str, Any]) -> list[Row]:
    audience = "intern" if report["audience"] == "internal" else "offentlig"
    n = report["min_group_size"]
    rows: list[Row] = [
        ["Virksomhet", report["organisation"]],
        ["År", report["year"]],
        ["Målgruppe", audience],
        ["Minste gruppestørrelse", n],
        ["Skjema", report["schema"]],
        [],
        ["Merknader"],
        [f"«{HIDDEN}»: tallet er skjult fordi en sammenlignet gruppe har færre enn {n} "
         "personer, eller fordi det ellers kunne regnes ut fra de andre tallene."],
        ["Tom celle: tallet kan ikke beregnes fordi grunnlaget mangler i filen."],
    ]  # fmt: skip
    rows += [[warning] for warning in report["warnings"]]
    return rows


def _write(
    sheet: Any, rows: Sequence[Row], comments: Mapping[str, Any], widths: Sequence[int] = ()
) -> None:
    for row in rows:
        values = []
        for value in row:
            if isinstance(value, _Hidden):
                values.append(HIDDEN)
            elif isinstance(value, str):
                values.append(neutralise_formula(xml_safe(value)))
            else:
                values.append(value)
        sheet.append(values)
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, _Hidden):
                cell.comment = comments[value.reason]
            elif isinstance(value, float):
                cell.number_format = PCT_FORMAT
            elif isinstance(value, int) and not isinstance(value, bool) and value >= 10000:
                cell.number_format = KRONER_FORMAT
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width


def render_xlsx(report: Mapping[str, Any], **_options: Any) -> bytes:
    """The workbook as bytes. Options of other renderers (language, ...) are ignored:
    the workbook is in bokmål."""
    openpyxl = importlib.import_module("openpyxl")
    comments = importlib.import_module("openpyxl.comments")
    styles = importlib.import_module("openpyxl.styles")
    n = report["min_group_size"]
    notes = {
        reason: comments.Comment(why_hidden(reason, n), "LIM")
        for reason in ("small_group", "complementary")
    }
    bold = styles.Font(bold=True)

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, table in SHEETS:
        header, rows = table(report)
        sheet = workbook.create_sheet(title)
        _write(sheet, [header, *rows], notes, widths=[40, *([14] * (len(header) - 1))])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "B2"
    about = workbook.create_sheet(ABOUT_SHEET)
    _write(about, _about(report), notes, widths=[30, 60])
    workbook.properties.title = f"Likestillingsredegjørelse {report['year']}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
