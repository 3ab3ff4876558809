"""The demo: about twelve cases over every step and about 600 applications, loaded twice
without change."""

from __future__ import annotations

from django.core import serializers

from lim.core.demo import demo_load
from lim.core.models import AuditEvent
from lim.recruitment import models as m
from lim.recruitment.access import get_case_for_user
from lim.recruitment.models import Application, RecruitmentCase
from lim.recruitment.rule_checks import check_interview_list

MODELS = (
    m.RecruitmentCase, m.NavCheckpoint, m.Notification, m.JobAnalysis, m.Requirement, m.JobAd,
    m.Application, m.TargetGroupDeclaration, m.Assessment, m.Interview, m.Recommendation,
    m.RankedCandidate, m.Decision, m.Offer, m.Hire, m.OnboardingPlan, m.OnboardingTask,
)  # fmt: skip


def _dump() -> str:
    rows = [obj for model in MODELS for obj in model.objects.order_by("pk")]
    return serializers.serialize("json", rows)


def test_demo_twice_leaves_the_same_data(db: None) -> None:
    _organisation, created = demo_load()
    first, events = _dump(), AuditEvent.objects.count()
    _organisation, again = demo_load()
    assert again == 0
    assert _dump() == first
    assert AuditEvent.objects.count() == events
    assert created > 600


def test_demo_spreads_cases_over_the_steps_with_about_600_applications(db: None) -> None:
    demo_load()
    assert RecruitmentCase.objects.count() == 12
    steps = set(RecruitmentCase.objects.values_list("step", flat=True))
    assert steps == set(m.CaseStep.values) - {"cancelled"}
    assert 550 <= Application.objects.count() <= 650
    assert Application.objects.filter(source="nav").count() >= 20
    declarations = m.TargetGroupDeclaration.objects
    assert declarations.filter(disability=True).count() >= 20
    assert declarations.filter(cv_gap=True).count() >= 10
    assert m.Hire.objects.count() == 3 and m.OnboardingPlan.objects.count() == 3
    closed = RecruitmentCase.objects.filter(step="closed")
    assert not Application.objects.filter(case__in=closed, status__in=["new", "qualified"]).exists()


def test_demo_cases_respect_the_interview_duty_and_the_hiring_manager_sees_them(
    db: None,
) -> None:
    demo_load()
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
