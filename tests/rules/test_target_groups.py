"""TG-CVGAP and TG-DISABILITY (statsansatteforskriften §§ 4 and 4a first paragraph)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lim.rules.base import Level, OrganisationSettings, Sector
from lim.rules.target_groups import (
    Absence,
    AbsenceCause,
    CurrentEmployment,
    CvGapFacts,
    DisabilityFacts,
    EmploymentKind,
    cv_gap_window,
    evaluate_cv_gap,
    evaluate_disability,
)

d = date.fromisoformat
ILL = AbsenceCause.ILLNESS
APPLIED = d("2026-03-01")


def absence(start: str, end: str, cause: AbsenceCause = ILL) -> Absence:
    return Absence(d(start), d(end), cause)


def days_from(start: str, days: int, cause: AbsenceCause = ILL) -> Absence:
    """An absence of exactly `days` days, both ends included."""
    return Absence(d(start), d(start) + timedelta(days=days - 1), cause)


NO_JOB = CurrentEmployment()
PERMANENT = CurrentEmployment(EmploymentKind.PERMANENT, d("2025-01-01"))


@pytest.mark.parametrize(
    ("absences", "employment", "qualifies", "days"),
    [
        pytest.param([days_from("2023-01-01", 730)], NO_JOB, True, 730, id="exactly-730-days"),
        pytest.param([days_from("2023-01-01", 729)], NO_JOB, False, 729, id="729-days-too-few"),
        pytest.param(
            [days_from("2022-01-01", 1000, AbsenceCause.OTHER)], NO_JOB, False, 0, id="cause-other"
        ),
        pytest.param(
            [days_from("2022-01-01", 400), days_from("2023-06-01", 400, AbsenceCause.OTHER)],
            NO_JOB,
            False,
            400,
            id="only-the-non-other-part-counts",
        ),
        pytest.param(
            [absence("2022-01-01", "2023-06-30"), absence("2023-01-01", "2024-06-30")],
            NO_JOB,
            True,
            912,
            id="overlapping-periods-count-once",
        ),
        pytest.param(
            [absence("2022-01-01", "2022-12-31"), absence("2022-03-01", "2022-04-30")],
            NO_JOB,
            False,
            365,
            id="period-inside-another",
        ),
        pytest.param(
            [absence("2019-01-01", "2022-03-01")],
            NO_JOB,
            False,
            366,
            id="partly-before-the-window",
        ),
        pytest.param(
            [absence("2025-01-01", "2027-12-31", AbsenceCause.JOB_SEEKING)],
            NO_JOB,
            False,
            425,
            id="part-after-application-ignored",
        ),
        pytest.param(
            [
                absence("2021-03-01", "2022-02-28", AbsenceCause.SUBSTANCE_ABUSE),
                absence("2022-03-01", "2023-02-28", AbsenceCause.IMPRISONMENT),
            ],
            NO_JOB,
            True,
            730,
            id="adjacent-periods-of-different-causes",
        ),
        pytest.param(
            [days_from("2022-01-01", 800)], PERMANENT, False, 800, id="permanent-job-disqualifies"
        ),
        pytest.param(
            [days_from("2022-01-01", 800)],
            CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-08-31")),
            True,
            800,
            id="temporary-11-months-ok",
        ),
        pytest.param(
            [days_from("2022-01-01", 800)],
            CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-10-31")),
            False,
            800,
            id="temporary-13-months-disqualifies",
        ),
        pytest.param(
            [days_from("2022-01-01", 800)],
            CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-09-30")),
            True,
            800,
            id="temporary-exactly-one-year-ok",
        ),
        pytest.param(
            [days_from("2022-01-01", 800)],
            CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-10-01")),
            False,
            800,
            id="temporary-one-year-and-a-day-disqualifies",
        ),
        pytest.param([], NO_JOB, False, 0, id="no-absences"),
    ],
)
def test_cv_gap(
    absences: list[Absence], employment: CurrentEmployment, qualifies: bool, days: int
) -> None:
    facts = CvGapFacts(APPLIED, tuple(absences), employment)
    outcome = evaluate_cv_gap(facts=facts)
    assert outcome.result.qualifies is qualifies
    assert outcome.result.qualifying_absence_days == days
    assert outcome.result.window_start == d("2021-03-01")
    assert outcome.levels() == (Level.INFO,)
    said = outcome.findings[0].message.en
    assert ("is not in the target group" in said) is (not qualifies)


@pytest.mark.parametrize(
    ("application", "window_start"),
    [
        pytest.param("2026-03-01", "2021-03-01", id="plain"),
        pytest.param("2024-02-29", "2019-02-28", id="application-on-feb-29"),
        pytest.param("2028-02-29", "2023-02-28", id="leap-to-non-leap"),
        pytest.param("2025-02-28", "2020-02-28", id="feb-28-into-leap-year"),
        pytest.param("2025-03-01", "2020-03-01", id="window-spans-feb-29-2024"),
    ],
)
def test_window_uses_calendar_years(application: str, window_start: str) -> None:
    window = cv_gap_window(application_date=d(application))
    assert window.start == d(window_start)
    assert window.end == d(application)


def test_window_from_feb_29_counts_the_first_day() -> None:
    # Application 2024-02-29: the window starts 2019-02-28, so that day counts and the day
    # before does not.
    facts = CvGapFacts(d("2024-02-29"), (absence("2019-02-27", "2019-02-28"),))
    assert evaluate_cv_gap(facts=facts).result.qualifying_absence_days == 1


def test_feb_29_inside_a_period_is_a_day() -> None:
    facts = CvGapFacts(APPLIED, (absence("2024-02-01", "2024-03-31"),))
    assert evaluate_cv_gap(facts=facts).result.qualifying_absence_days == 60


def test_730_days_across_a_leap_year_still_qualifies() -> None:
    facts = CvGapFacts(d("2024-12-31"), (days_from("2023-01-01", 730),))
    result = evaluate_cv_gap(facts=facts).result
    assert (result.qualifies, result.qualifying_absence_days) == (True, 730)


def test_reasons_explain_each_step_in_the_chosen_language() -> None:
    facts = CvGapFacts(
        APPLIED,
        (
            absence("2019-01-01", "2022-03-01"),
            absence("2022-01-01", "2022-06-30"),
            absence("2023-01-01", "2023-12-31", AbsenceCause.OTHER),
        ),
        PERMANENT,
    )
    result = evaluate_cv_gap(facts=facts).result
    nb = result.to_dict("nb")["reasons"]
    en = result.to_dict("en")["reasons"]
    assert isinstance(nb, list) and isinstance(en, list)
    assert "1. mars 2021–1. mars 2026: 487 dager (kravet er minst 730 dager)" in str(nb[0])
    assert "«annet»" in str(nb[1])
    assert "dager utenfor femårsperioden" in str(nb[2])
    assert "bare telt én gang (60 dager)" in str(nb[3])
    assert "fast stilling" in str(nb[4])
    assert en[-1] == "The applicant has a permanent job and is therefore not in the target group."
    assert result.to_dict()["window_start"] == "2021-03-01"


def test_temporary_job_reason_gives_its_length() -> None:
    job = CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-10-31"))
    reasons = evaluate_cv_gap(facts=CvGapFacts(APPLIED, (), job)).result.to_dict("nn")["reasons"]
    assert isinstance(reasons, list)
    assert "mellombels stilling som varer meir enn eitt år (396 dagar)" in str(reasons[-1])


def test_cv_gap_is_info_for_every_sector() -> None:
    facts = CvGapFacts(APPLIED, (days_from("2022-01-01", 800),))
    outcome = evaluate_cv_gap(facts=facts, organisation=OrganisationSettings(sector=Sector.PRIVATE))
    assert outcome.levels() == (Level.INFO,)
    assert outcome.findings[0].message.nb == "Søkeren er i målgruppen «hull i CV-en»."


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        pytest.param(EmploymentKind.TEMPORARY, None, d("2026-01-01"), id="temporary-without-start"),
        pytest.param(EmploymentKind.PERMANENT, d("2026-01-02"), d("2026-01-01"), id="ends-first"),
    ],
)
def test_invalid_employment_is_rejected(
    kind: EmploymentKind, start: date | None, end: date | None
) -> None:
    with pytest.raises(ValueError):
        CurrentEmployment(kind, start, end)


def test_absence_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        absence("2022-01-02", "2022-01-01")


@pytest.mark.parametrize(
    ("declares", "accommodation", "in_group", "findings"),
    [
        pytest.param(True, True, True, 0, id="declared-with-accommodation"),
        pytest.param(True, False, False, 1, id="declared-without-accommodation"),
        pytest.param(False, False, False, 0, id="not-declared"),
    ],
)
def test_disability_is_self_declared(
    declares: bool, accommodation: bool, in_group: bool, findings: int
) -> None:
    outcome = evaluate_disability(facts=DisabilityFacts(declares, accommodation))
    assert outcome.result.in_target_group is in_group
    assert len(outcome.findings) == findings
    assert outcome.result.to_dict() == {"in_target_group": in_group}


# Properties ---------------------------------------------------------------------------

application_dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 12, 31))
causes = st.sampled_from(list(AbsenceCause))
counting_causes = st.sampled_from([c for c in AbsenceCause if c is not AbsenceCause.OTHER])


@st.composite
def absences(draw: st.DrawFn, cause: st.SearchStrategy[AbsenceCause] = causes) -> Absence:
    start = draw(st.dates(min_value=date(2013, 1, 1), max_value=date(2029, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=1500))
    return Absence(start, start + timedelta(days=length), draw(cause))


employments = st.sampled_from(
    [
        NO_JOB,
        PERMANENT,
        CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-08-31")),
        CurrentEmployment(EmploymentKind.TEMPORARY, d("2025-10-01"), d("2026-10-31")),
    ]
)


@given(application_dates, st.lists(absences(), max_size=6), absences(counting_causes), employments)
def test_adding_a_qualifying_absence_never_disqualifies(
    applied: date, existing: list[Absence], extra: Absence, employment: CurrentEmployment
) -> None:
    before = evaluate_cv_gap(facts=CvGapFacts(applied, tuple(existing), employment)).result
    after = evaluate_cv_gap(facts=CvGapFacts(applied, (*existing, extra), employment)).result
    assert after.qualifying_absence_days >= before.qualifying_absence_days
    assert not (before.qualifies and not after.qualifies)


@given(application_dates, st.lists(absences(), max_size=8))
def test_days_never_exceed_the_window(applied: date, items: list[Absence]) -> None:
    result = evaluate_cv_gap(facts=CvGapFacts(applied, tuple(items))).result
    window = cv_gap_window(application_date=applied)
    assert 0 <= result.qualifying_absence_days <= window.days


@given(application_dates, st.lists(absences(), min_size=1, max_size=6), st.data())
def test_duplicates_and_order_do_not_change_the_count(
    applied: date, items: list[Absence], data: st.DataObject
) -> None:
    base = evaluate_cv_gap(facts=CvGapFacts(applied, tuple(items))).result
    duplicated = [*items, *data.draw(st.lists(st.sampled_from(items), max_size=4))]
    shuffled = data.draw(st.permutations(duplicated))
    again = evaluate_cv_gap(facts=CvGapFacts(applied, tuple(shuffled))).result
    assert again.qualifying_absence_days == base.qualifying_absence_days
    assert again.qualifies is base.qualifies


@given(application_dates, absences(counting_causes))
def test_a_single_absence_counts_its_days_inside_the_window(applied: date, item: Absence) -> None:
    window = cv_gap_window(application_date=applied)
    inside = max(0, (min(item.end, window.end) - max(item.start, window.start)).days + 1)
    result = evaluate_cv_gap(facts=CvGapFacts(applied, (item,))).result
    assert result.qualifying_absence_days == inside
