"""Interviews: scheduling, the structured guide and scores, and reference checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment.models import (
    Application,
    ApplicationStatus,
    Interview,
    InterviewCriterion,
    InterviewScore,
    InterviewStatus,
    RecruitmentCase,
    ReferenceCheck,
)
from lim.recruitment.services.common import (
    lock_application,
    lock_case,
    move_application,
    now_or_default,
)

# The reference-check template; answers are stored with the question as asked.
REFERENCE_QUESTIONS = (
    _("How do you know the applicant, and for how long?"),
    _("What were the applicant's main tasks?"),
    _("How did the applicant solve those tasks?"),
    _("How does the applicant work with others?"),
    _("What are the applicant's strengths?"),
    _("What could the applicant develop further?"),
    _("Would you hire the applicant again?"),
)


@transaction.atomic
def interview_schedule(
    *,
    actor: User,
    application: Application,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    panel: Sequence[User],
    place: str = "",
    video_link: str = "",
    now: dt.datetime | None = None,
) -> Interview:
    now = now_or_default(now)
    lock_case(application.case)
    application = lock_application(application)
    if application.status != ApplicationStatus.INVITED:
        raise DomainError(_("Only invited applicants get an interview time."), field="status")
    if ends_at <= starts_at:
        raise DomainError(_("The interview must end after it starts."), field="ends_at")
    if not place.strip() and not video_link.strip():
        raise DomainError(_("Give a place or a video link."), field="place")
    if not panel:
        raise DomainError(_("Name at least one interviewer."), field="panel")
    interview = Interview.objects.create(
        application=application,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        video_link=video_link.strip(),
        invited_by=actor,
        invited_at=now,
    )
    interview.panel.set(panel)
    audit_record(
        actor=actor,
        action="interview.schedule",
        obj=application,
        organisation=application.case.organisation,
        at=now,
        details={
            "interview": str(interview.id),
            "starts_at": starts_at.isoformat(),
            "panel": sorted(str(u.pk) for u in panel),
        },
    )
    return interview


@transaction.atomic
def interview_accommodation_answer(
    *, actor: User | None, interview: Interview, answer: str, now: dt.datetime | None = None
) -> Interview:
    """The applicant's answer to 'do you need anything arranged for the interview?'."""
    now = now_or_default(now)
    interview.accommodation_answer = answer.strip()
    interview.save(update_fields=["accommodation_answer"])
    # The answer may concern health: the log records that it was given, not what it says.
    audit_record(
        actor=actor,
        action="interview.accommodation",
        obj=interview.application,
        organisation=interview.application.case.organisation,
        at=now,
        details={"interview": str(interview.id), "answered": bool(answer.strip())},
    )
    return interview


def _set_interview_status(
    *, actor: User, interview: Interview, status: str, now: dt.datetime
) -> Interview:
    if interview.status != InterviewStatus.SCHEDULED:
        raise DomainError(_("The interview is no longer scheduled."), field="status")
    interview.status = status
    interview.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=f"interview.{status}",
        obj=interview.application,
        organisation=interview.application.case.organisation,
        at=now,
        details={"interview": str(interview.id)},
    )
    return interview


@transaction.atomic
def interview_held(
    *, actor: User, interview: Interview, now: dt.datetime | None = None
) -> Interview:
    now = now_or_default(now)
    lock_case(interview.application.case)
    # By day, not by the minute: an interview that started a little early still counts.
    if timezone.localdate(interview.starts_at) > timezone.localdate(now):
        raise DomainError(
            _("The interview is on %(day)s and cannot be marked as held before then.")
            % {"day": date_format(timezone.localtime(interview.starts_at), "DATE_FORMAT")},
            field="starts_at",
        )
    _set_interview_status(actor=actor, interview=interview, status=InterviewStatus.HELD, now=now)
    move_application(
        actor=actor,
        application=lock_application(interview.application),
        to=ApplicationStatus.INTERVIEWED,
        now=now,
    )
    return interview


@transaction.atomic
def interview_cancel(
    *, actor: User, interview: Interview, now: dt.datetime | None = None
) -> Interview:
    now = now_or_default(now)
    return _set_interview_status(
        actor=actor, interview=interview, status=InterviewStatus.CANCELLED, now=now
    )


@transaction.atomic
def interview_guide_generate(
    *, actor: User, case: RecruitmentCase, now: dt.datetime | None = None
) -> list[InterviewCriterion]:
    """The structured guide: one criterion per line of the competence profile, then the
    requirements. Kept once scores exist, so scores keep their criterion."""
    now = now_or_default(now)
    case = lock_case(case)
    existing = list(case.interview_criteria.all())
    if existing and InterviewScore.objects.filter(criterion__case=case).exists():
        raise DomainError(_("The guide is in use and cannot be regenerated."), field="guide")
    analysis = getattr(case, "job_analysis", None)
    if analysis is None:
        raise DomainError(_("Write the job analysis first."), field="job_analysis")
    lines = [line.strip(" -•*\t") for line in analysis.competence_profile.splitlines()]
    texts = [line for line in lines if line]
    texts += [r.text for r in analysis.requirements.all() if r.text not in texts]
    case.interview_criteria.all().delete()
    criteria = InterviewCriterion.objects.bulk_create(
        InterviewCriterion(case=case, text=text[:300], order=index)
        for index, text in enumerate(texts)
    )
    audit_record(
        actor=actor,
        action="interview_guide.generate",
        obj=case,
        at=now,
        details={"criteria": len(criteria)},
    )
    return criteria


@transaction.atomic
def interview_score_record(
    *,
    actor: User,
    interview: Interview,
    criterion: InterviewCriterion,
    score: int,
    note: str = "",
    now: dt.datetime | None = None,
) -> InterviewScore:
    """One interviewer's score (1–5) on one criterion; only panel members score."""
    now = now_or_default(now)
    if not interview.panel.filter(pk=actor.pk).exists():
        raise DomainError(_("Only the interview panel can score."), field="score")
    if criterion.case_id != interview.application.case_id:
        raise DomainError(_("The criterion belongs to another case."), field="criterion")
    if not 1 <= score <= 5:
        raise DomainError(_("Score from 1 to 5."), field="score")
    record, _made = InterviewScore.objects.update_or_create(
        interview=interview,
        criterion=criterion,
        interviewer=actor,
        defaults={"score": score, "note": note.strip()},
    )
    audit_record(
        actor=actor,
        action="interview.score",
        obj=interview.application,
        organisation=interview.application.case.organisation,
        at=now,
        details={"criterion": str(criterion.id), "score": score},
    )
    return record


@transaction.atomic
def reference_check_record(
    *,
    actor: User,
    application: Application,
    referee_name: str,
    referee_relation: str,
    answers: Sequence[str],
    referee_phone: str = "",
    now: dt.datetime | None = None,
) -> ReferenceCheck:
    """Answers to the template questions, in order (an empty answer is kept as empty)."""
    now = now_or_default(now)
    if application.status not in (
        ApplicationStatus.INVITED,
        ApplicationStatus.INTERVIEWED,
        ApplicationStatus.RECOMMENDED,
    ):
        raise DomainError(
            _("References are checked for applicants invited to interview."), field="status"
        )
    if not referee_name.strip():
        raise DomainError(_("Name the referee."), field="referee_name")
    if len(answers) != len(REFERENCE_QUESTIONS):
        raise DomainError(_("Answer every question of the template."), field="answers")
    check = ReferenceCheck.objects.create(
        application=application,
        referee_name=referee_name.strip(),
        referee_relation=referee_relation.strip(),
        referee_phone=referee_phone.strip(),
        answers=[
            {"question": str(question), "answer": answer.strip()}
            for question, answer in zip(REFERENCE_QUESTIONS, answers, strict=True)
        ],
        checked_by=actor,
        checked_at=now,
    )
    audit_record(
        actor=actor,
        action="reference.record",
        obj=application,
        organisation=application.case.organisation,
        at=now,
        details={"reference_check": str(check.id)},
    )
    return check
