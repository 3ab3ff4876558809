"""The ad: generated from the job analysis, edited, published (or skipped where the route
allows it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.ad_markup import normalise_newlines
from lim.recruitment.models import (
    AdChannel,
    CaseStep,
    EmploymentForm,
    JobAd,
    JobAnalysis,
    RecruitmentCase,
    Requirement,
    RequirementKind,
)
from lim.recruitment.services.common import lock_case, move_case, now_or_default


def _analysis(case: RecruitmentCase) -> JobAnalysis:
    analysis = JobAnalysis.objects.filter(case=case).prefetch_related("requirements").first()
    if analysis is None:
        raise DomainError(_("Write the job analysis first."), field="job_analysis")
    return analysis


def ad_text(
    case: RecruitmentCase,
    analysis: JobAnalysis,
    requirements: Sequence[Requirement] | None = None,
) -> tuple[str, str]:
    """Title and body of the ad in the organisation's written standard (nb or nn)."""
    organisation = case.organisation
    if requirements is None:
        requirements = list(analysis.requirements.all())
    with translation.override(organisation.written_standard):
        must = [r.text for r in requirements if r.kind == RequirementKind.MUST]
        should = [r.text for r in requirements if r.kind == RequirementKind.SHOULD]
        parts = [
            gettext("%(organisation)s is looking for: %(title)s")
            % {"organisation": organisation.name, "title": case.title},
            "## " + gettext("Tasks"),
            analysis.tasks,
            "## " + gettext("What you bring"),
            analysis.competence_profile,
        ]
        if must:
            parts += [gettext("Requirements:"), "\n".join(f"- {text}" for text in must)]
        if should:
            parts += [
                gettext("It is an advantage if you have:"),
                "\n".join(f"- {t}" for t in should),
            ]
        if analysis.education_level:
            parts.append(gettext("Education: %(level)s") % {"level": analysis.education_level})
        parts.append("## " + gettext("We offer"))
        if analysis.employment_form == EmploymentForm.PERMANENT:
            offer = gettext("A permanent position, %(percent)s %% of full time.")
        else:
            offer = gettext("A temporary position, %(percent)s %% of full time.")
        parts.append(offer % {"percent": analysis.fte_percent})
        if analysis.reduced_percentage_possible:
            parts.append(gettext("A lower percentage is possible if you need it."))
        if analysis.location:
            parts.append(gettext("Place of work: %(place)s") % {"place": analysis.location})
        if analysis.salary_min and analysis.salary_max:
            parts.append(
                gettext("Salary: NOK %(min)s–%(max)s a year.")
                % {"min": analysis.salary_min, "max": analysis.salary_max}
            )
        if organisation.diversity_statement:
            parts.append(organisation.diversity_statement)
        parts.append(
            gettext(
                "Please note that your name may be published on the public list of "
                "applicants, even if you ask to be left off it (offentleglova § 25). If your "
                "request is refused, you will be told first and can withdraw your application."
            )
        )
        return case.title, "\n\n".join(part for part in parts if part)


@transaction.atomic
def ad_generate(*, actor: User, case: RecruitmentCase, now: dt.datetime | None = None) -> JobAd:
    """Write (or rewrite, before publishing) the ad from the job analysis."""
    now = now_or_default(now)
    case = lock_case(case)
    if case.step not in (CaseStep.JOB_ANALYSIS, CaseStep.AD):
        raise DomainError(_("The ad can only be written after the job analysis."), field="step")
    title, body = ad_text(case, _analysis(case))
    ad, created = JobAd.objects.update_or_create(
        case=case,
        defaults={
            "title": title,
            "body": body,
            "language": case.organisation.written_standard,
            "updated_at": now,
        },
        create_defaults={
            "title": title,
            "body": body,
            "language": case.organisation.written_standard,
            "channels": [AdChannel.CAREER_SITE, AdChannel.NAV],
            "updated_at": now,
        },
    )
    audit_record(
        actor=actor,
        action="ad.generate",
        obj=case,
        at=now,
        details={"ad": str(ad.id), "created": created},
    )
    move_case(actor=actor, case=case, to=CaseStep.AD, now=now)
    return ad


MAX_QUESTIONS = 10
MAX_QUESTION_LENGTH = 300


def clean_questions(questions: Sequence[str]) -> list[str]:
    """The ad's questions without blank ones; at most ten, each of at most 300 characters."""
    cleaned = [" ".join(q.split()) for q in questions if q.strip()]
    if len(cleaned) > MAX_QUESTIONS:
        raise DomainError(
            _("Ask at most %(count)s questions.") % {"count": MAX_QUESTIONS}, field="questions"
        )
    for number, question in enumerate(cleaned, start=1):
        if len(question) > MAX_QUESTION_LENGTH:
            raise DomainError(
                _("Question %(number)s is longer than %(limit)s characters.")
                % {"number": number, "limit": MAX_QUESTION_LENGTH},
                field="questions",
            )
    return cleaned


@transaction.atomic
def ad_update(
    *,
    actor: User,
    ad: JobAd,
    title: str,
    body: str,
    deadline: dt.date | None,
    channels: Sequence[str],
    questions: Sequence[str] = (),
    answers_required: bool = False,
    now: dt.datetime | None = None,
) -> JobAd:
    now = now_or_default(now)
    case = lock_case(ad.case)
    ad = JobAd.objects.select_for_update().get(pk=ad.pk)
    if ad.published_at is not None or case.step != CaseStep.AD:
        raise DomainError(_("A published ad cannot be changed."), field="step")
    if not title.strip() or not body.strip():
        raise DomainError(_("The ad needs a title and a text."), field="body")
    unknown = set(channels) - set(AdChannel.values)
    if unknown or not channels:
        raise DomainError(_("Choose where the ad is published."), field="channels")
    if AdChannel.INTERNAL_ONLY in channels and len(set(channels)) > 1:
        raise DomainError(
            _("An internal-only ad cannot also be published outside."), field="channels"
        )
    questions = clean_questions(questions)
    before = {
        "title": ad.title,
        "body": ad.body,
        "deadline": ad.deadline.isoformat() if ad.deadline else None,
        "channels": ad.channels,
        "questions": ad.questions,
        "answers_required": ad.answers_required,
    }
    ad.title, ad.body, ad.deadline = title.strip(), normalise_newlines(body).strip(), deadline
    ad.channels = [c for c in AdChannel.values if c in channels]
    ad.questions = questions
    ad.answers_required = bool(questions) and answers_required
    ad.updated_at = now
    ad.save()
    after = {
        "title": ad.title,
        "body": ad.body,
        "deadline": deadline.isoformat() if deadline else None,
        "channels": ad.channels,
        "questions": ad.questions,
        "answers_required": ad.answers_required,
    }
    diff = {k: {"old": before[k], "new": v} for k, v in after.items() if before[k] != v}
    if diff:
        audit_record(actor=actor, action="ad.update", obj=case, at=now, details=diff)
    return ad


@transaction.atomic
def ad_publish(
    *, actor: User, ad: JobAd, now: dt.datetime | None = None
) -> list[rule_checks.FindingView]:
    """Publish the ad. Blocked until the NAV checkpoint is recorded (organisation setting)
    and unless the route allows the chosen channels (ROUTE rule). Returns the rules' advice
    that does not block (warnings and information), for the page to show."""
    now = now_or_default(now)
    case = lock_case(ad.case)
    ad = JobAd.objects.select_for_update().get(pk=ad.pk)
    if ad.published_at is not None:
        raise DomainError(_("The ad is already published."), field="step")
    if case.step != CaseStep.AD:
        raise DomainError(_("The ad can only be published at the ad step."), field="step")
    if ad.deadline is None:
        raise DomainError(_("Set a deadline for applications."), field="deadline")
    if ad.deadline < timezone.localdate(now):
        raise DomainError(_("The deadline has passed."), field="deadline")
    advice = rule_checks.check_ad_publish(case=case, ad=ad, today=timezone.localdate(now))
    ad.published_at = now
    ad.save(update_fields=["published_at"])
    audit_record(
        actor=actor,
        action="ad.publish",
        obj=case,
        at=now,
        details={
            "channels": ad.channels,
            "deadline": ad.deadline.isoformat(),
            "findings": [f.rule for f in advice],
        },
    )
    move_case(actor=actor, case=case, to=CaseStep.APPLICATIONS, now=now)
    return advice


@transaction.atomic
def case_proceed_without_ad(
    *,
    actor: User,
    case: RecruitmentCase,
    now: dt.datetime | None = None,
    advice: list[rule_checks.FindingView] | None = None,
) -> RecruitmentCase:
    """Go from the job analysis straight to selection, for a route exempt from announcement
    (administrative hire, wage subsidy, after the trainee programme). The rules' findings
    that do not block are added to `advice`."""
    now = now_or_default(now)
    case = lock_case(case)
    _analysis(case)
    found = rule_checks.check_skip(
        case=case, exemption="announcement", today=timezone.localdate(now)
    )
    if advice is not None:
        advice.extend(found)
    move_case(actor=actor, case=case, to=CaseStep.SELECTION, now=now, details={"route": case.route})
    return case
