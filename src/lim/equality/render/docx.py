"""The statement as DOCX, with the same tables, to paste into the annual report."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lim.equality.standalone import ensure_django
from lim.equality.xmltext import xml_safe


def _fmt_pct(value: Any) -> str:
    from lim.equality.templatetags.equality import pct

    return pct(value)


def _fmt_num(value: Any) -> str:
    from lim.equality.templatetags.equality import num

    return num(value)


def _table(
    document: Any, caption: str, header: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    document.add_paragraph(caption, style="Caption")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = xml_safe(str(text))
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = xml_safe(str(value))


def _a4(document: Any) -> None:
    """A4 with 2 cm margins (python-docx starts from US Letter)."""
    from docx.shared import Cm

    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


def _pay_transparency(
    document: Any, t: Mapping[str, Any], hidden: Callable[[Mapping[str, Any]], str]
) -> None:
    """The pay-transparency indicators, as on the web page and in the PDF and XLSX."""
    from django.utils.translation import gettext as _

    def value(figure: Any) -> str:
        return hidden(t) if figure is None and t.get("suppressed") else _fmt_pct(figure)

    document.add_heading(_("Pay transparency indicators"), level=2)
    document.add_paragraph(
        _(
            "Total pay (base pay, fixed and variable pay, converted to full time). "
            "A positive gap means men are paid more."
        )
    )
    _table(
        document,
        _("Pay gaps (EU pay transparency directive, art. 9)"),
        [_("Indicator"), _("Value")],
        [
            [label, value(t.get(key))]
            for label, key in (
                (_("Mean pay gap"), "mean_gap_pct"),
                (_("Median pay gap"), "median_gap_pct"),
                (_("Mean gap in variable pay"), "variable_mean_gap_pct"),
                (_("Median gap in variable pay"), "variable_median_gap_pct"),
                (_("Women receiving variable pay"), "variable_share_women_pct"),
                (_("Men receiving variable pay"), "variable_share_men_pct"),
            )
        ],
    )
    if t.get("quartiles"):
        _table(
            document,
            _("Women and men in each pay quartile (1 = lowest paid quarter)"),
            [_("Quartile"), _("Women %"), _("Men %")],
            [[q["band"], value(q["women_pct"]), value(q["men_pct"])] for q in t["quartiles"]],
        )
    if t.get("by_category"):
        rows = []
        for c in t["by_category"]:
            if c.get("suppressed"):
                figures = [hidden(c)] * 3
            else:
                trigger = _("Required") if c.get("joint_assessment_trigger") else _("No")
                figures = [_fmt_pct(c["mean_gap_pct"]), _fmt_pct(c["median_gap_pct"]), trigger]
            rows.append([c["label"], c["women"], c["men"], *figures])
        _table(
            document,
            # the msgid is shared with the template, where % is written %%
            _("Pay gap by category of equal work; 5 %% or more calls for a joint pay assessment")
            % {},
            [
                _("Category"),
                _("Women"),
                _("Men"),
                _("Mean gap"),
                _("Median gap"),
                _("Joint assessment"),
            ],
            rows,
        )


def render_docx(
    report: Mapping[str, Any],
    *,
    language: str = "nb",
    previous: Mapping[str, Any] | None = None,
    statement: Mapping[str, Any] | None = None,
) -> bytes:
    ensure_django()
    from django.utils import translation
    from django.utils.translation import gettext as _
    from docx import Document

    from lim.equality.presentation import comparison, recruitment_rows, term_rows
    from lim.equality.templatetags.equality import hidden_text

    with translation.override(language):
        n = report["min_group_size"]

        def hidden(table: Mapping[str, Any]) -> str:
            return hidden_text(n, table.get("suppressed_reason"))

        internal = report.get("audience") == "internal"
        document = Document()
        _a4(document)
        document.core_properties.title = _("Equality statement %(year)s") % {"year": report["year"]}
        document.add_heading(
            xml_safe(
                _("Equality statement %(year)s – %(organisation)s")
                % {"year": report["year"], "organisation": report["organisation"]}
            ),
            level=0,
        )
        document.add_heading(_("Part 1: The state of gender equality"), level=1)

        def label(row: Mapping[str, Any]) -> str:
            return _("Whole organisation") if row.get("is_total") else str(row["label"])

        _table(
            document,
            _("Employees by gender and level, %(year)s") % {"year": report["year"]},
            [_("Level"), _("Women"), _("Men"), _("Other"), _("Unknown"), _("Women %"), _("Men %")],
            [
                [
                    label(r),
                    r["women"],
                    r["men"],
                    r["other"],
                    r["unknown"],
                    _fmt_pct(r["women_pct"]),
                    _fmt_pct(r["men_pct"]),
                ]
                for r in report["gender_balance"]["rows"]
            ],
        )
        pay_header = [
            _("Level"),
            _("Women"),
            _("Men"),
            _("Mean pay, women % of men"),
            _("Median pay, women % of men"),
        ]
        if internal:
            pay_header += [_("Mean, women"), _("Mean, men"), _("Median, women"), _("Median, men")]
        pay_rows = []
        for r in report["pay"]["rows"]:
            if r.get("suppressed"):
                figures = [hidden(r)] * (len(pay_header) - 3)
            else:
                figures = [
                    _fmt_pct(r["women_pct_of_men_mean"]),
                    _fmt_pct(r["women_pct_of_men_median"]),
                ]
                if internal:
                    figures += [
                        r.get(k) if r.get(k) is not None else "–"
                        for k in ("women_mean", "men_mean", "women_median", "men_median")
                    ]
            pay_rows.append([label(r), r["women"], r["men"], *figures])
        _table(
            document,
            _("Women's pay as a percentage of men's, by level, %(year)s")
            % {"year": report["year"]},
            pay_header,
            pay_rows,
        )
        _table(
            document,
            _("Part-time and temporary employees by gender, %(year)s") % {"year": report["year"]},
            [_("Group"), _("Women"), _("Men"), _("Share of all women"), _("Share of all men")],
            [
                [
                    name,
                    row["women"],
                    row["men"],
                    _fmt_pct(row["share_of_women_pct"]),
                    _fmt_pct(row["share_of_men_pct"]),
                ]
                if row
                else [name, "–", "–", _("Not in the workforce file"), ""]
                for name, row in term_rows(report)
            ],
        )
        leave_rows = []
        for title, key, women_key, men_key, fmt in (
            (
                _("Parental leave, average weeks among those who took leave"),
                "parental_leave",
                "women_avg_weeks",
                "men_avg_weeks",
                _fmt_num,
            ),
            (
                _("Sick leave, share of agreed work days"),
                "sick_leave",
                "women_pct",
                "men_pct",
                _fmt_pct,
            ),
            (
                _("Days off for a sick child, average among parents of children under 12"),
                "child_sick_days",
                "women_avg",
                "men_avg",
                _fmt_num,
            ),
            (
                _("Overtime, average hours"),
                "overtime",
                "women_avg_hours",
                "men_avg_hours",
                _fmt_num,
            ),
        ):
            figure = report.get(key)
            if figure is None:
                leave_rows.append([title, _("Not in the workforce file"), ""])
            elif figure.get("suppressed"):
                leave_rows.append([title, hidden(figure), hidden(figure)])
            else:
                leave_rows.append([title, fmt(figure[women_key]), fmt(figure[men_key])])
        _table(
            document,
            _("Averages by gender, %(year)s") % {"year": report["year"]},
            [_("Measure"), _("Women"), _("Men")],
            leave_rows,
        )
        if rows := recruitment_rows(report):
            _table(
                document,
                _("Applicants and hires by gender, %(year)s") % {"year": report["year"]},
                ["", _("Women"), _("Men"), _("Other"), _("Unknown"), _("Women %"), _("Men %")],
                [
                    [
                        name,
                        r["women"],
                        r["men"],
                        r["other"],
                        r["unknown"],
                        _fmt_pct(r["women_pct"]),
                        _fmt_pct(r["men_pct"]),
                    ]
                    for name, r in rows
                ],
            )
        if transparency := report.get("pay_transparency"):
            _pay_transparency(document, transparency, hidden)
        if compared := comparison(report, previous):
            _table(
                document,
                _("Key figures this year and last year; change in percentage points"),
                [_("Figure"), str(report["year"]), str(compared["previous_year"])],
                [[name, _fmt_pct(now), _fmt_pct(before)] for name, now, before in compared["rows"]],
            )
        if statement:
            document.add_heading(
                _("Part 2: Our work for equality and against discrimination"), level=1
            )
            for title, text in statement.get("sections", []):
                document.add_heading(xml_safe(str(title)), level=2)
                document.add_paragraph(xml_safe(str(text)) or "–")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
