"""Charts for the equality statement as plain SVG, drawn from the report's JSON form.

No Django import and no inline style (the Content-Security-Policy forbids it): colours
are SVG presentation attributes. Each chart has a title and a description for screen
readers, and every chart stands next to a table with the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any

WOMEN = "#6a1b9a"
MEN = "#0b4f6c"
REFERENCE = "#1a1a1a"
SUPPRESSED = "#767676"

_ROW = 34
_LABEL_W = 190
_BAR_W = 360
_PAD = 10


def _svg(width: int, height: int, title: str, desc: str, body: list[str], key: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{key}-title {key}-desc" '
        f'class="chart" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, content: str, *, anchor: str = "start", fill: str = "#1a1a1a") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" '
        f'font-size="13" font-family="system-ui, sans-serif">{escape(content)}</text>'
    )


def _legend(y: float, labels: Mapping[str, str]) -> list[str]:
    return [
        f'<rect x="{_LABEL_W}" y="{y}" width="14" height="14" fill="{WOMEN}"/>',
        _text(_LABEL_W + 20, y + 12, labels["women"]),
        f'<rect x="{_LABEL_W + 140}" y="{y}" width="14" height="14" fill="{MEN}"/>',
        _text(_LABEL_W + 160, y + 12, labels["men"]),
    ]


Formatter = Callable[[float], str]


def _default_format(value: float) -> str:
    return f"{value:.1f} %"


def _pct(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def gender_balance_chart(
    rows: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str],
    *,
    key: str = "balance",
    fmt: Formatter = _default_format,
) -> str:
    """Stacked bars: the share of women and men in each row (whole organisation, levels)."""
    height = _PAD * 2 + 24 + _ROW * len(rows)
    body = _legend(_PAD, labels)
    for index, row in enumerate(rows):
        y = _PAD + 28 + index * _ROW
        women = _pct(row.get("women_pct"))
        men = _pct(row.get("men_pct"))
        women_w = _BAR_W * women / 100
        men_w = _BAR_W * men / 100
        body.append(_text(_LABEL_W - 8, y + 17, str(row.get("label", "")), anchor="end"))
        body.append(
            f'<rect x="{_LABEL_W}" y="{y}" width="{women_w:.1f}" height="24" fill="{WOMEN}"/>'
        )
        body.append(
            f'<rect x="{_LABEL_W + women_w:.1f}" y="{y}" width="{men_w:.1f}" '
            f'height="24" fill="{MEN}"/>'
        )
        body.append(_text(_LABEL_W + _BAR_W + 8, y + 17, f"{fmt(women)} / {fmt(men)}"))
    desc = "; ".join(
        f"{row.get('label')}: {labels['women']} {fmt(_pct(row.get('women_pct')))}, "
        f"{labels['men']} {fmt(_pct(row.get('men_pct')))}"
        for row in rows
    )
    return _svg(_LABEL_W + _BAR_W + 130, height, labels["title"], desc, body, key)


def pay_ratio_chart(
    rows: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str],
    *,
    key: str = "pay",
    fmt: Formatter = _default_format,
) -> str:
    """Bars of women's mean pay as a percentage of men's, with the 100 % line marked."""
    scale_max = 150.0
    height = _PAD * 2 + 24 + _ROW * len(rows)
    body: list[str] = []
    hundred_x = _LABEL_W + _BAR_W * 100 / scale_max
    descriptions = []
    for index, row in enumerate(rows):
        y = _PAD + 28 + index * _ROW
        body.append(_text(_LABEL_W - 8, y + 17, str(row.get("label", "")), anchor="end"))
        value = row.get("women_pct_of_men_mean")
        if row.get("suppressed") or value is None:
            why = labels.get(f"suppressed_{row.get('suppressed_reason')}", labels["suppressed"])
            body.append(_text(_LABEL_W + 4, y + 17, why, fill=SUPPRESSED))
            descriptions.append(f"{row.get('label')}: {why}")
            continue
        width = _BAR_W * min(float(value), scale_max) / scale_max
        body.append(
            f'<rect x="{_LABEL_W}" y="{y}" width="{width:.1f}" height="24" fill="{WOMEN}"/>'
        )
        body.append(_text(_LABEL_W + width + 6, y + 17, fmt(float(value))))
        descriptions.append(f"{row.get('label')}: {fmt(float(value))}")
    body.append(
        f'<line x1="{hundred_x:.1f}" y1="{_PAD + 20}" x2="{hundred_x:.1f}" y2="{height - _PAD}" '
        f'stroke="{REFERENCE}" stroke-width="2" stroke-dasharray="4 3"/>'
    )
    body.append(_text(hundred_x, _PAD + 14, fmt(100.0), anchor="middle"))
    return _svg(
        _LABEL_W + _BAR_W + 130, height, labels["title"], "; ".join(descriptions), body, key
    )


def share_chart(
    groups: Sequence[tuple[str, Mapping[str, Any] | None]],
    labels: Mapping[str, str],
    *,
    key: str = "share",
    fmt: Formatter = _default_format,
) -> str:
    """Paired bars: the share of all women and of all men who are part-time, temporary …"""
    present = [(name, data) for name, data in groups if data is not None]
    height = _PAD * 2 + 24 + (_ROW * 2 + 8) * len(present)
    body = _legend(_PAD, labels)
    descriptions = []
    for index, (name, data) in enumerate(present):
        y = _PAD + 28 + index * (_ROW * 2 + 8)
        body.append(_text(_LABEL_W - 8, y + 30, name, anchor="end"))
        parts = []
        for offset, (field, colour, who) in enumerate(
            (
                ("share_of_women_pct", WOMEN, labels["women"]),
                ("share_of_men_pct", MEN, labels["men"]),
            )
        ):
            value = _pct(data.get(field))
            width = _BAR_W * value / 100
            bar_y = y + offset * 28
            body.append(
                f'<rect x="{_LABEL_W}" y="{bar_y}" width="{width:.1f}" '
                f'height="22" fill="{colour}"/>'
            )
            body.append(_text(_LABEL_W + width + 6, bar_y + 16, fmt(value)))
            parts.append(f"{who} {fmt(value)}")
        descriptions.append(f"{name}: " + ", ".join(parts))
    return _svg(
        _LABEL_W + _BAR_W + 130, height, labels["title"], "; ".join(descriptions), body, key
    )
