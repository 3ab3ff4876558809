"""What the statement's pages and documents show, built from the report's JSON form.

Shared by the web page and the HTML, PDF and DOCX renderers, so every output shows the
same figures with the same labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from lim.equality import charts
from lim.equality.templatetags.equality import hidden_text, pct


def term_rows(report: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any] | None]]:
    return [
        (_("Part-time"), report.get("part_time")),
        (_("Temporary"), report.get("temporary")),
        (_("Involuntary part-time"), report.get("involuntary_part_time")),
    ]


def recruitment_rows(report: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    recruitment = report.get("recruitment") or {}
    rows = [
        (_("Applicants"), recruitment.get("applicants")),
        (_("Hired"), recruitment.get("hired")),
    ]
    return [(label, row) for label, row in rows if row]


def _total(rows: list[Mapping[str, Any]]) -> Mapping[str, Any]:
    return next((row for row in rows if row.get("is_total")), {})


def comparison(
    report: Mapping[str, Any], previous: Mapping[str, Any] | None
) -> dict[str, Any] | None:
    """Key figures side by side with the previous year's statement."""
    if previous is None:
        return None

    def figures(r: Mapping[str, Any]) -> list[Any]:
        balance = _total(r["gender_balance"]["rows"])
        pay = _total(r["pay"]["rows"])
        part_time = r.get("part_time") or {}
        temporary = r.get("temporary") or {}
        return [
            balance.get("women_pct"),
            None if pay.get("suppressed") else pay.get("women_pct_of_men_mean"),
            part_time.get("share_of_women_pct"),
            part_time.get("share_of_men_pct"),
            temporary.get("share_of_women_pct"),
            temporary.get("share_of_men_pct"),
        ]

    labels = [
        _("Women in the organisation"),
        _("Mean pay, women % of men"),
        _("Part-time, share of all women"),
        _("Part-time, share of all men"),
        _("Temporary, share of all women"),
        _("Temporary, share of all men"),
    ]
    return {
        "previous_year": previous["year"],
        "rows": list(zip(labels, figures(report), figures(previous), strict=True)),
    }


def _relabel(rows: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The total row is labelled in the reader's language; levels keep their own names."""
    return [
        {**row, "label": _("Whole organisation")} if row.get("is_total") else row for row in rows
    ]


def chart_svgs(report: Mapping[str, Any]) -> dict[str, str]:
    gender = {"women": _("Women"), "men": _("Men")}
    fmt = pct
    result = {
        "balance": charts.gender_balance_chart(
            _relabel(report["gender_balance"]["rows"]),
            {**gender, "title": _("Share of women and men by level")},
            fmt=fmt,
        ),
        "pay": charts.pay_ratio_chart(
            _relabel(report["pay"]["rows"]),
            {
                **gender,
                "title": _("Women's mean pay as a percentage of men's, by level"),
                "suppressed": hidden_text(report["min_group_size"]),
                # short, beside the bars; the table next to the chart says it in full
                "suppressed_complementary": _("hidden (protects another figure)"),
            },
            fmt=fmt,
        ),
    }
    terms = [(label, row) for label, row in term_rows(report) if row is not None]
    if terms:
        result["terms"] = charts.share_chart(
            terms,
            {**gender, "title": _("Share of women and of men who are part-time or temporary")},
            fmt=fmt,
        )
    return result


def figures_context(
    report: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None = None,
    indicators_url: str = "",
    with_charts: bool = True,
) -> dict[str, Any]:
    return {
        "report": report,
        "terms": term_rows(report),
        "recruitment_rows": recruitment_rows(report),
        "comparison": comparison(report, previous),
        "charts": chart_svgs(report) if with_charts else {},
        "indicators_url": indicators_url,
    }
