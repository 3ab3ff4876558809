"""The onboarding plan, made from a template when the hire is recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment.models import (
    CaseStep,
    Hire,
    OnboardingPlan,
    OnboardingTask,
    OnboardingTaskKind,
)
from lim.recruitment.services.common import now_or_default
from lim.rules.dates import add_months


@dataclass(frozen=True)
class TaskTemplate:
    kind: str
    title: Promise
    # Due this many days, or calendar months, after the start date (negative: before).
    days: int = 0
    months: int = 0
    owner: str = "manager"  # or "buddy"


# The accommodation follow-up is in every plan, so the plan itself reveals nothing.
ONBOARDING_TEMPLATE: tuple[TaskTemplate, ...] = (
    TaskTemplate(OnboardingTaskKind.WELCOME, _("Prepare the workplace, access and equipment"), -5),
    TaskTemplate(OnboardingTaskKind.WELCOME, _("Welcome programme on the first day"), 0),
    TaskTemplate(OnboardingTaskKind.BUDDY, _("Meet the buddy or mentor"), 0, owner="buddy"),
    TaskTemplate(
        OnboardingTaskKind.ACCOMMODATION, _("Follow up the accommodation agreed, if any"), 14
    ),
    TaskTemplate(OnboardingTaskKind.COMPETENCE, _("Agree the competence plan"), months=1),
    TaskTemplate(OnboardingTaskKind.CHECK_IN, _("Check-in after one month"), months=1),
    TaskTemplate(OnboardingTaskKind.CHECK_IN, _("Check-in after three months"), months=3),
    TaskTemplate(OnboardingTaskKind.CHECK_IN, _("Check-in after six months"), months=6),
)


def due_date(start: dt.date, template: TaskTemplate) -> dt.date:
    return add_months(start, template.months) + dt.timedelta(days=template.days)


@transaction.atomic
def onboarding_plan_create(
    *,
    actor: User,
    hire: Hire,
    buddy: User | None = None,
    now: dt.datetime | None = None,
) -> OnboardingPlan:
    """The plan from the template, owned by the hiring manager (the buddy task by the buddy)."""
    now = now_or_default(now)
    case = hire.case
    if case.step not in (CaseStep.ONBOARDING, CaseStep.CLOSED):
        raise DomainError(_("The onboarding plan is made after the hire."), field="step")
    if OnboardingPlan.objects.filter(hire=hire).exists():
        raise DomainError(_("The hire already has an onboarding plan."), field="plan")
    plan = OnboardingPlan.objects.create(hire=hire, created_by=actor, created_at=now)
    OnboardingTask.objects.bulk_create(
        OnboardingTask(
            plan=plan,
            kind=template.kind,
            title=str(template.title),
            owner=buddy if template.owner == "buddy" and buddy else case.hiring_manager,
            due_date=due_date(hire.start_date, template),
            order=index,
        )
        for index, template in enumerate(ONBOARDING_TEMPLATE)
    )
    audit_record(
        actor=actor,
        action="onboarding.plan_create",
        obj=case,
        at=now,
        details={"plan": str(plan.id), "buddy": str(buddy.pk) if buddy else None},
    )
    return plan


@transaction.atomic
def onboarding_task_complete(
    *, actor: User, task: OnboardingTask, now: dt.datetime | None = None
) -> OnboardingTask:
    now = now_or_default(now)
    task = (
        OnboardingTask.objects.select_for_update()
        .select_related("plan__hire__case")
        .get(pk=task.pk)
    )
    if task.done_at is not None:
        raise DomainError(_("The task is already done."), field="done_at")
    task.done_at = now
    task.save(update_fields=["done_at"])
    audit_record(
        actor=actor,
        action="onboarding.task_complete",
        obj=task.plan.hire.case,
        at=now,
        details={"task": str(task.id), "kind": task.kind},
    )
    return task
