"""The demo's recruitment cases and when each of their steps happened.

Every date is counted back (or forward) from the demo day, the day the demo was first
loaded: a case in the ad's application period has a deadline in the coming weeks, a case
in screening has its deadline behind it and interviews next week, a closed case hired
months ago. The steps of one case follow each other in a fixed rhythm (`Timeline`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lim.core.demo import CASEWORK, DEMO_UNITS, demo_at


@dataclass(frozen=True)
class CaseSpec:
    key: str
    title: str
    unit: tuple[str, ...]
    step: str
    applications: int
    occupation: str
    age: int  # days from opening the case to the demo day
    reason: str = "new_position"
    ad_days: int = 21  # days from publishing the ad to its deadline
    interview_list: bool = True  # False: screening, no one invited yet


KLAGE = (*CASEWORK, "Seksjon for klagesaker")
VEILEDNING = (*CASEWORK, "Seksjon for veiledning")
ANALYSE = (*DEMO_UNITS[1], "Avdeling for analyse")

CASES: tuple[CaseSpec, ...] = (
    CaseSpec("c01", "Rådgiver klagesaker", KLAGE, "closed", 64, "2619", 230),
    CaseSpec(
        "c02", "Seniorrådgiver veiledning", VEILEDNING, "closed", 62, "2422", 200, "replacement"
    ),
    CaseSpec("c03", "Jurist, klagesaker", KLAGE, "onboarding", 68, "2611", 100),
    CaseSpec("c04", "Saksbehandler", CASEWORK, "offer", 70, "2422", 48, "replacement"),
    CaseSpec("c05", "Førstekonsulent veiledning", VEILEDNING, "decision", 66, "4110", 45),
    CaseSpec("c06", "Rådgiver analyse", ANALYSE, "recommendation", 58, "2631", 40),
    CaseSpec("c07", "Kommunikasjonsrådgiver", CASEWORK, "selection", 66, "2432", 30),
    CaseSpec(
        "c08", "Vikar saksbehandler", KLAGE, "selection", 44, "4110", 29, "leave_substitute",
        interview_list=False,
    ),
    CaseSpec("c09", "Seniorrådgiver juridisk", KLAGE, "applications", 60, "2611", 22),
    CaseSpec("c10", "Rådgiver digitalisering", ANALYSE, "ad", 0, "2511", 4),
    CaseSpec("c11", "Kundesentermedarbeider", VEILEDNING, "job_analysis", 0, "4222", 6),
    CaseSpec("c12", "Prosjektmedarbeider", CASEWORK, "need", 0, "3343", 3, "temporary_need"),
    CaseSpec("c13", "Rådgiver statistikk", ANALYSE, "applications", 45, "2120", 16),
    CaseSpec(
        "c14", "Seniorrådgiver klagesaker", KLAGE, "applications", 14, "2422", 10, ad_days=28
    ),
    CaseSpec("c15", "Veileder, publikumstjenesten", VEILEDNING, "applications", 8, "4222", 7),
)  # fmt: skip

# Fixed-date days off in Norway (and Christmas Eve and New Year's Eve, half days no one
# sets a deadline on).
HOLIDAYS = {(1, 1), (5, 1), (5, 17), (12, 24), (12, 25), (12, 26), (12, 31)}

ORDER = [
    "need",
    "job_analysis",
    "ad",
    "applications",
    "selection",
    "recommendation",
    "decision",
    "offer",
    "onboarding",
    "closed",
]


def reached(spec: CaseSpec, step: str) -> bool:
    """Has the case reached `step`?"""
    return ORDER.index(spec.step) >= ORDER.index(step)


@dataclass(frozen=True)
class Timeline:
    """When each step of one case happened: day 0 is the day it was opened."""

    today: dt.date
    spec: CaseSpec

    def at(self, day: int, hour: int = 8, minutes: int = 0) -> dt.datetime:
        return demo_at(self.today, day - self.spec.age, hour, minutes)

    def date(self, day: int) -> dt.date:
        return self.today + dt.timedelta(days=day - self.spec.age)

    @property
    def _deadline_day(self) -> int:
        return 4 + self.spec.ad_days

    @property
    def opened(self) -> dt.datetime:
        return self.at(0)

    @property
    def published(self) -> dt.datetime:
        return self.at(4, 9)

    @property
    def deadline(self) -> dt.date:
        """The ad's deadline on a working day, as a real employer would set it: moved on
        while the ad is open, moved back once it has passed (so it stays passed)."""
        day = self.date(self._deadline_day)
        step = dt.timedelta(days=1 if day >= self.today else -1)
        while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
            day += step
        return day

    def submitted(self, index: int, count: int) -> dt.datetime:
        """The `index`-th of `count` applications, spread from publication to the deadline
        (or to yesterday evening while the ad is still open)."""
        first = self.published + dt.timedelta(hours=1)
        last = min(demo_at(self.deadline, 0, 23), demo_at(self.today, -1, 22))
        step = (last - first) / max(count, 1)
        return (first + step * index).replace(second=0, microsecond=0)

    @property
    def assessed(self) -> dt.datetime:
        return self.at(self._deadline_day + 3, 9)

    def interview(self, index: int) -> dt.datetime:
        """Four interviews a day, from 09:00, five days after screening."""
        day = self._deadline_day + 8 + index // 4
        return self.at(day, 9) + dt.timedelta(minutes=90 * (index % 4))

    @property
    def recommended(self) -> dt.datetime:
        return self.at(self._deadline_day + 13, 14)

    @property
    def decided(self) -> dt.datetime:
        return self.at(self._deadline_day + 18, 10)

    @property
    def offered(self) -> dt.datetime:
        return self.at(self._deadline_day + 20, 10)

    @property
    def start(self) -> dt.date:
        return self.date(90)

    @property
    def closed(self) -> dt.datetime:
        return self.at(150, 15)
