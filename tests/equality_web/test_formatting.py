"""Negative figures carry a real minus sign (U+2212), as Norwegian typography wants."""

from __future__ import annotations

from django.utils import translation

from lim.equality.render.docx import _fmt_num, _fmt_pct
from lim.equality.templatetags.equality import delta, kr, num, pct


def test_negative_figures_use_the_minus_sign_everywhere() -> None:
    with translation.override("nb"):
        shown = [pct(-3.24), num(-1.5), kr(-2500), delta(10, 12.5), _fmt_pct(-3.24), _fmt_num(-2)]
    assert shown == ["−3,2 %", "−1,5", "−2\xa0500 kr", "−2,5", "−3,2 %", "−2,0"]
    assert not any("-" in text for text in shown)
    assert pct(4.0).startswith("4")
