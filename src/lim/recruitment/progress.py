"""What the case page says about progress: the steps done, the current one, what comes
next and who does it, and which step pages the user may open."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lim.recruitment.models import CaseStep, RecruitmentCase
from lim.recruitment.states import STEP_ORDER, Step


@dataclass(frozen=True)
class StepRow:
    label: str
    state: str  # "done", "current" or "todo"


@dataclass(frozen=True)
class NextAction:
    what: Promise
    who: Promise
    url_name: str


@dataclass(frozen=True)
class StepLink:
    label: Promise
    url: str


NEXT: dict[str, NextAction] = {
    Step.NEED: NextAction(
        _("Record the NAV checkpoint, then write the job analysis."),
        _("The inclusion coordinator, then the hiring manager"),
        "recruitment:nav_checkpoint",
    ),
    Step.JOB_ANALYSIS: NextAction(
        _("Generate the ad from the job analysis."),
        _("The HR adviser or the hiring manager"),
        "recruitment:ad",
    ),
    Step.AD: NextAction(
        _("Edit the ad, set the deadline and publish it."),
        _("The HR adviser"),
        "recruitment:ad",
    ),
    Step.APPLICATIONS: NextAction(
        _("Receive applications; start the selection after the deadline."),
        _("The HR adviser"),
        "recruitment:applicant_list",
    ),
    Step.SELECTION: NextAction(
        _("Assess the applicants, finalise the interview list, interview and rank."),
        _("The hiring manager"),
        "recruitment:applicant_list",
    ),
    Step.RECOMMENDATION: NextAction(
        _("The union representatives may add remarks; then the decision is made."),
        _("The union representatives, then the hiring council or the hiring manager"),
        "recruitment:recommendation",
    ),
    Step.DECISION: NextAction(
        _("Make the offer to the chosen candidate."),
        _("The HR adviser"),
        "recruitment:offer",
    ),
    Step.OFFER: NextAction(
        _("Record the candidate's answer and the hire."),
        _("The HR adviser"),
        "recruitment:offer",
    ),
    Step.ONBOARDING: NextAction(
        _("Follow the onboarding plan and close the case."),
        _("The hiring manager and the HR adviser"),
        "recruitment:onboarding",
    ),
}

# The step pages, in the order of the case; each is shown from the step it belongs to.
PAGES: tuple[tuple[str, Promise, Step], ...] = (
    ("recruitment:nav_checkpoint", _("NAV checkpoint"), Step.NEED),
    ("recruitment:job_analysis", _("Job analysis"), Step.NEED),
    ("recruitment:ad", _("Ad"), Step.JOB_ANALYSIS),
    ("recruitment:applicant_list", _("Applicants"), Step.APPLICATIONS),
    ("recruitment:interview_list", _("Interview list"), Step.SELECTION),
    ("recruitment:recommendation", _("Recommendation"), Step.SELECTION),
    ("recruitment:decision", _("Decision"), Step.RECOMMENDATION),
    ("recruitment:offer", _("Offer and hire"), Step.DECISION),
    ("recruitment:onboarding", _("Onboarding"), Step.ONBOARDING),
)


def _index(step: str) -> int:
    if step == CaseStep.CANCELLED:
        return -1
    return STEP_ORDER.index(Step(step))


def step_rows(case: RecruitmentCase) -> list[StepRow]:
    current = _index(case.step)
    rows = []
    for index, step in enumerate(STEP_ORDER):
        if current == -1 or index > current:
            state = "todo"
        else:
            state = "done" if index < current else "current"
        rows.append(StepRow(label=str(CaseStep(step).label), state=state))
    return rows


def next_action(case: RecruitmentCase) -> NextAction | None:
    return NEXT.get(Step(case.step))


def step_links(case: RecruitmentCase) -> list[StepLink]:
    """The step pages the case has reached (a cancelled case keeps what it reached)."""
    reached = _index(case.step) if case.step != CaseStep.CANCELLED else len(STEP_ORDER)
    return [
        StepLink(label=label, url=reverse(name, kwargs={"case_id": case.id}))
        for name, label, from_step in PAGES
        if STEP_ORDER.index(from_step) <= reached
    ]
