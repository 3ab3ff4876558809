"""A deterministic synthetic workforce file (formats/workforce.md), for tests and benchmarks.

    python benchmarks/make_workforce.py 200000 /tmp/workforce.csv [--seed 1] [--style clean]

`clean` is `,`-separated UTF-8 with English headers and ISO dates; `norwegian` is what
Norwegian Excel writes: `;`, Windows-1252, Norwegian headers and values, decimal comma,
non-breaking-space thousands and dd.mm.yyyy dates. The same seed gives the same people.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from pathlib import Path
from typing import Any

COLUMNS = [
    ("employee_id", "Ansattnummer"),
    ("gender", "Kjønn"),
    ("level", "Stillingsnivå"),
    ("level_rank", "Nivårekkefølge"),
    ("fte_percent", "Stillingsprosent"),
    ("employment_type", "Ansettelsesform"),
    ("annual_base_pay", "Årslønn"),
    ("unit", "Enhet"),
    ("location", "Arbeidssted"),
    ("position_category", "Stillingskategori"),
    ("birth_year", "Fødselsår"),
    ("is_manager", "Personalansvar"),
    ("temporary_reason", "Midlertidig grunnlag"),
    ("involuntary_part_time", "Ufrivillig deltid"),
    ("fixed_allowances", "Faste tillegg"),
    ("variable_pay", "Variable tillegg"),
    ("overtime_hours", "Overtidstimer"),
    ("parental_leave_weeks", "Foreldrepermisjon uker"),
    ("has_child_under_12", "Barn under 12"),
    ("child_sick_days", "Sykt barn-dager"),
    ("sick_leave_days", "Tapte dagsverk"),
    ("planned_work_days", "Avtalte dagsverk"),
    ("start_date", "Ansettelsesdato"),
]
LEVELS = [  # label, rank, weight, base pay
    ("Direktør", 1, 0.005, 1_400_000),
    ("Avdelingsdirektør", 2, 0.02, 1_050_000),
    ("Seksjonsleder", 3, 0.07, 850_000),
    ("Medarbeider", 4, 0.905, 620_000),
]
CATEGORIES = [f"Kategori {i:02d}" for i in range(1, 21)]
LOCATIONS = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Kristiansand"]
REASONS = ["substitute", "project", "trainee", "wage_subsidy", "other"]
NORWEGIAN = {
    "woman": "kvinne", "man": "mann", "other": "annet", "unknown": "ukjent",
    "permanent": "fast", "temporary": "midlertidig", True: "ja", False: "nei",
    "substitute": "vikariat", "project": "prosjekt", "trainee": "trainee",
    "wage_subsidy": "lønnstilskudd", "other_reason": "annet",
}  # fmt: skip


def make_rows(n: int, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    weights = [level[2] for level in LEVELS]
    rows: list[dict[str, Any]] = []
    for i in range(n):
        level, rank, _, base = rng.choices(LEVELS, weights)[0]
        gender = rng.choices(["woman", "man", "other", "unknown"], [0.46, 0.52, 0.005, 0.015])[0]
        fte = 100 if rng.random() < 0.85 else rng.choice([20, 40, 50, 60, 75, 80, 90.5])
        temporary = rng.random() < 0.06
        pay = round(base * (0.97 if gender == "woman" else 1.0) * rng.uniform(0.8, 1.25))
        child = rng.random() < 0.35
        rows.append(
            {
                "employee_id": f"E{i + 1:07d}",
                "gender": gender,
                "level": level,
                "level_rank": rank,
                "fte_percent": fte,
                "employment_type": "temporary" if temporary else "permanent",
                "annual_base_pay": pay,
                "unit": f"Divisjon {rng.randint(1, 6)}/Avdeling {rng.randint(1, 12)}",
                "location": rng.choice(LOCATIONS),
                "position_category": rng.choice(CATEGORIES),
                "birth_year": rng.randint(1958, 2004),
                "is_manager": rank < 4,
                "temporary_reason": rng.choice(REASONS) if temporary else None,
                "involuntary_part_time": (rng.random() < 0.2) if fte < 100 else False,
                "fixed_allowances": rng.choice([0, 0, 12_000, 24_000, 36_000]),
                "variable_pay": round(rng.uniform(1_000, 80_000), 2) if rng.random() < 0.4 else 0,
                "overtime_hours": round(rng.uniform(0, 120), 1) if rng.random() < 0.5 else 0,
                "parental_leave_weeks": rng.choice([0.0] * 9 + [rng.uniform(2, 49)]),
                "has_child_under_12": child,
                "child_sick_days": rng.randint(0, 10) if child else 0,
                "sick_leave_days": rng.choice([0, 0, 0, rng.randint(1, 40)]),
                "planned_work_days": round(230 * fte / 100, 1),
                "start_date": dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 9000)),
            }
        )
    return rows


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _norwegian(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return NORWEGIAN[value]
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if name == "temporary_reason" and value == "other":
        return NORWEGIAN["other_reason"]
    if isinstance(value, str):
        return str(NORWEGIAN.get(value, value))
    if name == "employee_id" or name in ("birth_year", "level_rank"):
        return str(value)
    whole, _, decimals = f"{value}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return grouped + ("," + decimals if decimals and decimals != "0" else "")


def render_csv(rows: list[dict[str, Any]], style: str = "clean") -> bytes:
    out = io.StringIO(newline="")
    if style == "clean":
        writer = csv.writer(out, delimiter=",", lineterminator="\n")
        writer.writerow([name for name, _ in COLUMNS])
        for row in rows:
            writer.writerow([_clean(row[name]) for name, _ in COLUMNS])
        return out.getvalue().encode("utf-8")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([alias for _, alias in COLUMNS])
    for row in rows:
        writer.writerow([_norwegian(name, row[name]) for name, _ in COLUMNS])
    return out.getvalue().encode("cp1252")


def write_workforce(path: Path, n: int, *, seed: int = 1, style: str = "clean") -> Path:
    path.write_bytes(render_csv(make_rows(n, seed), style))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--style", choices=("clean", "norwegian"), default="clean")
    args = parser.parse_args()
    write_workforce(args.output, args.n, seed=args.seed, style=args.style)


if __name__ == "__main__":
    main()
