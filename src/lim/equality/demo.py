"""Demo workforce for the last two completed years before the demo day, so this year's
statement (for last year, as a real organisation publishes it) and the comparison with
the year before are there at once.

Generated deterministically (a seeded random.Random) as the semicolon CSV that Norwegian
Excel writes, and imported through the real import service.
"""

from __future__ import annotations

import datetime as dt
import random

from lim.core.demo import demo_at
from lim.core.models import Organisation
from lim.equality.models import WorkforceSnapshot

# Pay grows about 4 % a year from this year on, so later demos have later salaries.
PAY_YEAR = 2024
# (level, rank, headcount, base pay in NOK, share of women, position category)
LEVELS = (
    ("Direktør", 1, 1, 1_650_000, 0.0, "Toppleder"),
    ("Avdelingsdirektør", 2, 8, 1_180_000, 0.5, "Leder"),
    ("Seksjonssjef", 3, 22, 980_000, 0.55, "Leder"),
    ("Seniorrådgiver", 4, 70, 820_000, 0.6, "Rådgiver"),
    ("Rådgiver", 5, 78, 690_000, 0.65, "Rådgiver"),
    ("Førstekonsulent", 6, 34, 590_000, 0.7, "Saksbehandler"),
)
UNITS = (
    "Divisjon for tjenester/Avdeling for saksbehandling/Seksjon for klagesaker",
    "Divisjon for tjenester/Avdeling for saksbehandling/Seksjon for veiledning",
    "Divisjon for tjenester/Avdeling for analyse",
    "Divisjon for virksomhetsstyring/HR-avdelingen",
    "Divisjon for virksomhetsstyring/Økonomiavdelingen",
    "IT-avdelingen",
)
HEADER = (
    "Ansattnummer;Kjønn;Stillingsnivå;Nivårekkefølge;Stillingsprosent;Ansettelsesform;"
    "Årslønn;Enhet;Stillingskategori;Personalansvar;Midlertidig grunnlag;Ufrivillig deltid;"
    "Faste tillegg;Variable tillegg;Overtidstimer;Foreldrepermisjon uker;Barn under 12;"
    "Sykt barn-dager;Tapte dagsverk;Avtalte dagsverk;Fødselsår"
)


def _kroner(value: float) -> str:
    # Norwegian Excel: non-breaking space between thousands, decimal comma.
    return f"{value:,.0f}".replace(",", "\u00a0")


def demo_years(today: dt.date) -> tuple[int, int]:
    """The last two completed years: the statement published this year and the one before."""
    return today.year - 2, today.year - 1


def demo_workforce_csv(year: int, *, grown: bool = False) -> bytes:
    """The year's HR export; `grown` adds a few advisers (the later of the two years)."""
    rng = random.Random(f"lim-demo-workforce-{year}")  # noqa: S311 - demo data, not secrets
    lines = [HEADER]
    number = 1000
    growth = 1.04 ** (year - PAY_YEAR)
    for level, rank, count, pay, women_share, category in LEVELS:
        for _ in range(count + (1 if grown and rank >= 4 else 0)):
            number += 1
            woman = rng.random() < women_share
            temporary = rng.random() < 0.06
            part_time = rng.random() < (0.12 if woman else 0.05)
            fte = rng.choice((50, 60, 80)) if part_time else 100
            base = pay * growth * rng.uniform(0.92, 1.08) * (0.985 if woman else 1.0)
            child = rng.random() < 0.35
            leave_weeks = rng.choice((0, 0, 0, 0, 8, 15, 19, 26)) if child else 0
            planned = round(230 * fte / 100)
            lines.append(
                ";".join(
                    (
                        f"A{number}",
                        "Kvinne" if woman else "Mann",
                        level,
                        str(rank),
                        str(fte),
                        "Midlertidig" if temporary else "Fast",
                        _kroner(base),
                        rng.choice(UNITS),
                        category,
                        "Ja" if rank <= 3 else "Nei",
                        rng.choice(("vikariat", "prosjekt")) if temporary else "",
                        ("Ja" if rng.random() < 0.3 else "Nei") if part_time else "",
                        _kroner(rng.choice((0, 0, 12_000, 24_000))),
                        _kroner(rng.choice((0, 0, 0, 5_000, 15_000, 30_000))),
                        str(rng.choice((0, 0, 10, 25, 60))),
                        str(leave_weeks),
                        "Ja" if child else "Nei",
                        str(rng.randint(0, 10) if child else 0),
                        str(rng.choice((0, 2, 5, 8, 14, 30))),
                        str(planned),
                        str(rng.randint(1960, 2000)),
                    )
                )
            )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def demo_workforce(organisation: Organisation, today: dt.date) -> int:
    from lim.equality.services import workforce_import

    created = 0
    first, last = demo_years(today)
    for year in (first, last):
        if WorkforceSnapshot.objects.filter(organisation=organisation, year=year).exists():
            continue
        # Imported in mid-January after the year, or yesterday if that is not yet past.
        imported = min(demo_at(dt.date(year + 1, 1, 15), 0, 9), demo_at(today, -1, 9))
        workforce_import(
            actor=None,
            organisation=organisation,
            year=year,
            filename=f"hr-eksport-{year}.csv",
            content=demo_workforce_csv(year, grown=year == last),
            now=imported,
        )
        created += 1
    return created
