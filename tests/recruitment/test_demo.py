"""The demo: fifteen cases over every step and about 600 applications, dated relative to
the day it is first loaded, and loaded again (on the same or a later day) without change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import serializers

from lim.core.demo import OSLO, demo_day, demo_load
from lim.core.models import AuditEvent
from lim.portal.selectors import AdFilters, open_ads
from lim.recruitment import models as m
from lim.recruitment.access import get_case_for_user
from lim.recruitment.models import Application, RecruitmentCase
from lim.recruitment.rule_checks import check_interview_list

MODELS = (
    m.RecruitmentCase, m.NavCheckpoint, m.Notification, m.JobAnalysis, m.Requirement, m.JobAd,
    m.Application, m.TargetGroupDeclaration, m.Assessment, m.Interview, m.Recommendation,
    m.RankedCandidate, m.Decision, m.Offer, m.Hire, m.OnboardingPlan, m.OnboardingTask,
)  # fmt: skip
# Mid-winter, early December, just after New Year, a leap day, and just after Christmas
# (deadlines that would fall on the holidays move to a working day and stay passed).
DAYS = [
    dt.date(2026, 1, 10),
    dt.date(2026, 12, 3),
    dt.date(2027, 1, 2),
    dt.date(2028, 2, 29),
    dt.date(2026, 12, 28),
]
AFTER_APPLICATIONS = ("selection", "recommendation", "decision", "offer", "onboarding", "closed")


def _dump() -> str:
    rows = [obj for model in MODELS for obj in model.objects.order_by("pk")]
    return serializers.serialize("json", rows)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=OSLO)


@pytest.mark.parametrize("later", [0, 1, 400])
def test_demo_loaded_again_even_on_a_later_day_changes_nothing(db: None, later: int) -> None:
    first_day = dt.date(2026, 12, 3)
    organisation, created = demo_load(today=first_day)
    first, events = _dump(), AuditEvent.objects.count()
    _organisation, again = demo_load(today=first_day + dt.timedelta(days=later))
    assert again == 0
    assert _dump() == first
    assert AuditEvent.objects.count() == events
    assert demo_day(organisation) == first_day
    assert created > 600


def test_demo_keeps_a_case_people_changed_and_applications_retention_deleted(db: None) -> None:
    demo_load(today=dt.date(2026, 12, 3))
    closed = RecruitmentCase.objects.filter(step="closed").first()
    assert closed is not None
    rejected = Application.objects.filter(case=closed, rejection_reason="not_qualified")
    assert rejected.exists()
    rejected.delete()
    RecruitmentCase.objects.filter(step="need").update(title="Renamed by a user")
    _organisation, again = demo_load(today=dt.date(2027, 3, 1))
    assert again == 0
    assert not Application.objects.filter(case=closed, rejection_reason="not_qualified").exists()
    assert RecruitmentCase.objects.filter(title="Renamed by a user").exists()


@pytest.mark.parametrize("today", DAYS)
def test_demo_has_a_case_in_every_step_with_about_600_applications(
    db: None, today: dt.date
) -> None:
    demo_load(today=today)
    steps = set(RecruitmentCase.objects.values_list("step", flat=True))
    assert steps == set(m.CaseStep.values) - {"cancelled"}
    assert 550 <= Application.objects.count() <= 650
    assert Application.objects.filter(source="nav").count() >= 20
    declarations = m.TargetGroupDeclaration.objects
    assert declarations.filter(disability=True).count() >= 20
    assert declarations.filter(cv_gap=True).count() >= 10
    assert m.Hire.objects.count() == 3 and m.OnboardingPlan.objects.count() == 3
    closed = RecruitmentCase.objects.filter(step="closed")
    assert not Application.objects.filter(case=closed[0], status__in=["new", "qualified"]).exists()


@pytest.mark.parametrize("today", DAYS)
def test_demo_has_open_ads_with_deadlines_in_the_coming_weeks(db: None, today: dt.date) -> None:
    demo_load(today=today)
    ads = open_ads(today=today, filters=AdFilters())
    assert len(ads) >= 4
    for ad in ads:
        assert ad.deadline is not None
        assert today < ad.deadline <= today + dt.timedelta(weeks=5)
        assert ad.published_at is not None and ad.published_at < _midnight(today)
        assert ad.deadline.weekday() < 5 and (ad.deadline.month, ad.deadline.day) != (12, 25)
    assert len({ad.deadline for ad in ads}) >= 3  # spread over the weeks, not one day


@pytest.mark.parametrize("today", DAYS)
def test_demo_dates_make_sense_relative_to_the_demo_day(db: None, today: dt.date) -> None:
    demo_load(today=today)
    midnight, tomorrow = _midnight(today), _midnight(today + dt.timedelta(days=1))
    past_ads = m.JobAd.objects.filter(case__step__in=AFTER_APPLICATIONS)
    assert past_ads.count() >= 8
    for ad in past_ads:
        assert ad.deadline is not None and ad.deadline < today
        assert ad.deadline.weekday() < 5
        last = ad.case.applications.order_by("-submitted_at").first()
        assert last is not None
        assert last.submitted_at.astimezone(OSLO).date() <= ad.deadline
    assert not RecruitmentCase.objects.filter(created_at__gte=midnight).exists()
    assert not Application.objects.filter(submitted_at__gte=midnight).exists()
    held = m.Interview.objects.filter(status="held")
    scheduled = m.Interview.objects.filter(status="scheduled")
    assert held.exists() and scheduled.exists()
    assert not held.filter(ends_at__gte=midnight).exists()
    assert not scheduled.filter(starts_at__lt=tomorrow).exists()
    assert not m.Assessment.objects.filter(assessed_at__gte=midnight).exists()
    assert not m.Recommendation.objects.filter(written_at__gte=midnight).exists()
    assert not m.Decision.objects.filter(decided_at__gte=midnight).exists()
    assert not m.Offer.objects.filter(sent_at__gte=midnight).exists()
    for hire in m.Hire.objects.select_related("case"):
        assert hire.recorded_at < midnight
        assert hire.start_date < today  # started, onboarding under way or done
    tasks = m.OnboardingTask.objects.filter(plan__hire__case__step="onboarding")
    assert tasks.filter(done_at__isnull=True).exists()  # the new employee's plan goes on
    assert tasks.filter(done_at__isnull=False).exists()  # and the first tasks are done
    assert not m.OnboardingTask.objects.filter(done_at__gte=midnight).exists()
    for case in RecruitmentCase.objects.filter(step="closed"):
        assert case.closed_at is not None and case.closed_at < midnight
        for application in case.applications.exclude(status="hired"):
            assert application.replied_at is not None and application.replied_at < midnight


def test_demo_cases_respect_the_interview_duty_and_the_hiring_manager_sees_them(
    db: None,
) -> None:
    demo_load(today=dt.date(2026, 12, 3))
    manager = m.RecruitmentCase.objects.first().hiring_manager  # type: ignore[union-attr]
    for case in RecruitmentCase.objects.all():
        assert get_case_for_user(manager, case.id) == case
        invited = set(case.applications.filter(status="invited").values_list("id", flat=True))
        if invited or case.step in ("recommendation", "decision", "offer"):
            reached = case.applications.filter(
                status__in=["invited", "interviewed", "recommended", "offered", "hired"]
            ).values_list("id", flat=True)
            check_interview_list(case=case, invited_ids=set(reached))  # does not raise
    counts = m.Recommendation.objects.get(case__title="Rådgiver analyse").target_group_counts
    assert set(counts) >= {"disability", "cv_gap", "immigrant_background"}
