"""The synthetic workforce generator used by the benchmark: deterministic and valid."""

from __future__ import annotations

from benchmarks.make_workforce import make_rows, render_csv

from lim.equality.report import build_report

from .conftest import accepted


def test_same_seed_same_file_and_both_styles_read_alike() -> None:
    rows = make_rows(300, seed=3)
    assert render_csv(rows) == render_csv(make_rows(300, seed=3))
    assert render_csv(rows) != render_csv(make_rows(300, seed=4))
    clean = build_report(accepted(render_csv(rows)), year=2025, organisation="X")
    norwegian = build_report(accepted(render_csv(rows, "norwegian")), year=2025, organisation="X")
    assert clean.to_json_dict() == norwegian.to_json_dict()
    assert clean.figures.gender_balance["rows"][0]["women"] > 0
