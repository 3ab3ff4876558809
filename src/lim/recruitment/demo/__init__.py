"""Demo recruitment cases: fifteen cases over every step, about 600 synthetic applications.

Dated relative to the demo day (see lim.core.demo): four ads open on the career site with
deadlines in the coming weeks, interviews held last week and scheduled next week, hires
that started months ago. Deterministic: a seeded random.Random and uuid5 ids. A case the
demo made before is left as it is (people may have worked on it, retention may have
deleted its applications), so loading again creates nothing. Rows are bulk-created; the
data is consistent with the rules by construction (the interview duty is met, rankings
are justified). No audit events: core writes one `demo.load` for the whole load.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import TypeVar

from django.db import models

from lim.core.demo import DEMO_UNITS, demo_id
from lim.core.models import Organisation, Role, RoleAssignment, Unit, User
from lim.recruitment import models as m
from lim.recruitment import rule_checks
from lim.recruitment.demo.cases import CASES
from lim.recruitment.demo.steps import Batch, Context, case_objects

M = TypeVar("M", bound=models.Model)

SEED = 20260112
# In dependency order.
MODELS: tuple[type[models.Model], ...] = (
    m.RecruitmentCase, m.Notification, m.NavCheckpoint, m.JobAnalysis, m.Requirement, m.JobAd,
    m.Application, m.TargetGroupDeclaration, m.Assessment, m.Interview, m.Recommendation,
    m.RankedCandidate, m.Decision, m.Offer, m.Hire, m.OnboardingPlan, m.OnboardingTask,
)  # fmt: skip


def _save(model: type[M], objects: Sequence[M]) -> int:
    model._default_manager.bulk_create(objects, batch_size=500)
    return len(objects)


def _users(organisation: Organisation) -> dict[str, User]:
    roles = RoleAssignment.objects.filter(unit__organisation=organisation).select_related("user")
    return {assignment.role: assignment.user for assignment in roles}


def demo_recruitment(organisation: Organisation, today: dt.date) -> int:
    """Add the demo cases the organisation does not have yet, dated relative to `today`
    (the demo day); returns the number of rows created."""
    units = {
        "/".join(path): unit
        for path in DEMO_UNITS
        for unit in Unit.objects.filter(id=demo_id("unit", "/".join(path)))
    }
    people = _users(organisation)
    if Role.HIRING_MANAGER not in people or len(units) != len(DEMO_UNITS):
        return 0
    context = Context(organisation=organisation, units=units, people=people, today=today)
    existing = set(
        m.RecruitmentCase.objects.filter(id__in=demo_case_ids()).values_list("id", flat=True)
    )
    # Every case draws from the same generator, so a missing case gets the same rows as
    # in a full load.
    rng = random.Random(SEED)  # noqa: S311 - synthetic demo data, not security
    batch = Batch()
    for number, spec in enumerate(CASES, start=1):
        case_batch = Batch()
        case_objects(case_batch, rng, spec, context, number)
        if demo_id("case", spec.key) not in existing:
            for rows in case_batch.rows.values():
                batch.extend(rows)
    created = sum(_save(model, batch.rows.get(model, [])) for model in MODELS)
    _panels(batch.rows.get(m.Interview, []), people)
    _freeze_counts(batch.rows.get(m.Recommendation, []))
    return created


def _panels(interviews: list[m.Interview], people: dict[str, User]) -> None:
    """The hiring manager and the HR adviser sit on every new interview's panel (links
    are not counted as objects)."""
    panel = [u for role, u in people.items() if role in (Role.HIRING_MANAGER, Role.HR_ADVISER)]
    through = m.Interview.panel.through
    through.objects.bulk_create(
        [through(interview_id=i.id, user_id=u.id) for i in interviews for u in panel]
    )


def _freeze_counts(recommendations: list[m.Recommendation]) -> None:
    """SEL-REC-COUNTS on the new recommendations, through the rules."""
    for recommendation in m.Recommendation.objects.filter(
        id__in=[r.id for r in recommendations]
    ).select_related("case__organisation"):
        ranked = recommendation.candidates.order_by("rank").values_list("application_id", flat=True)
        recommendation.target_group_counts = rule_checks.target_group_counts(
            recommendation.case, ranked=list(ranked)
        )
        recommendation.save(update_fields=["target_group_counts"])


def demo_case_ids() -> list[uuid.UUID]:
    return [demo_id("case", spec.key) for spec in CASES]
