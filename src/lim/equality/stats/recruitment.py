"""Recruitment by gender: applications and hires, from an applications file or from
counts the web app takes from its own cases."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from lim.equality.stats.frames import count, per_gender
from lim.equality.stats.rounding import pct
from lim.equality.stats.types import GenderCount, Recruitment

# {"applicants": {"women": 10, "men": 12, "other": 0, "unknown": 1}, "hired": {...}}
RecruitmentCounts = Mapping[str, Mapping[str, int]]
_KEYS = ("women", "men", "other", "unknown")


def _gender_count(counts: Mapping[str, int]) -> GenderCount:
    values = {key: int(counts.get(key, 0)) for key in _KEYS}
    if any(v < 0 for v in values.values()):
        raise ValueError(f"recruitment counts cannot be negative: {dict(counts)}")
    total = sum(values.values())
    return {
        "women": values["women"],
        "men": values["men"],
        "other": values["other"],
        "unknown": values["unknown"],
        "women_pct": pct(values["women"], total),
        "men_pct": pct(values["men"], total),
        "other_pct": pct(values["other"], total),
        "unknown_pct": pct(values["unknown"], total),
    }


def recruitment_from_counts(counts: RecruitmentCounts) -> Recruitment:
    return {
        "applicants": _gender_count(counts.get("applicants", {})),
        "hired": _gender_count(counts.get("hired", {})),
    }


def recruitment_from_applications(applications: pl.DataFrame) -> Recruitment:
    sums = per_gender(applications, {"hired": pl.col("hired").fill_null(False).sum()})
    names = {"woman": "women", "man": "men", "other": "other", "unknown": "unknown"}
    return recruitment_from_counts(
        {
            "applicants": {names[g]: count(sums, g) for g in names},
            "hired": {names[g]: count(sums, g, "hired") for g in names},
        }
    )
