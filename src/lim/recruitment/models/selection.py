"""Interviews, the interview guide, reference checks and the recommendation (innstilling)."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.models.applications import Application
from lim.recruitment.models.cases import RecruitmentCase


class InterviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Interview(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    panel = models.ManyToManyField(User, related_name="interview_panels", verbose_name=_("panel"))
    # The invitation asks whether the applicant needs accommodation for the interview.
    accommodation_answer = models.TextField(_("accommodation needed for the interview"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InterviewStatus.choices,
        default=InterviewStatus.SCHEDULED,
    )
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    invited_at = models.DateTimeField(_("invited"))

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="interview_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.starts_at:%Y-%m-%d %H:%M}"


class InterviewCriterion(models.Model):
    """One question area of the case's structured interview guide."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        RecruitmentCase, on_delete=models.CASCADE, related_name="interview_criteria"
    )
    text = models.CharField(_("criterion"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("interview criterion")
        verbose_name_plural = _("interview criteria")
        ordering = ["order", "text"]

    def __str__(self) -> str:
        return self.text


class InterviewScore(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        InterviewCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    interviewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("interview score")
        verbose_name_plural = _("interview scores")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "criterion", "interviewer"], name="interview_score_once"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="interview_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class ReferenceCheck(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="reference_checks"
    )
    referee_name = models.CharField(_("referee"), max_length=200)
    referee_relation = models.CharField(_("relation to the applicant"), max_length=200)
    referee_phone = models.CharField(_("phone"), max_length=30, blank=True)
    # [{"question": ..., "answer": ...}] in the template's order.
    answers = models.JSONField(_("answers"), default=list)
    checked_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    checked_at = models.DateTimeField(_("checked"))

    class Meta:
        verbose_name = _("reference check")
        verbose_name_plural = _("reference checks")
        ordering = ["checked_at"]

    def __str__(self) -> str:
        return self.referee_name


class Recommendation(models.Model):
    """The innstilling (statsansatteloven § 5): ranked candidates with justifications."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(
        RecruitmentCase, on_delete=models.CASCADE, related_name="recommendation"
    )
    written_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    written_at = models.DateTimeField(_("written"))
    # SEL-REC-COUNTS: aggregate counts only, frozen when the recommendation is written.
    target_group_counts = models.JSONField(_("target-group counts"), default=dict)
    comment = models.TextField(_("the writer's assessment of the target-group applicants"))
    findings = models.JSONField(_("findings"), default=list)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return str(self.case)


class RankedCandidate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="candidates"
    )
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    justification = models.TextField(_("justification"))

    class Meta:
        verbose_name = _("ranked candidate")
        verbose_name_plural = _("ranked candidates")
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "rank"], name="ranked_once_per_rank"),
            models.UniqueConstraint(
                fields=["recommendation", "application"], name="ranked_once_per_application"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.application}"


class UnionRemark(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="union_remarks"
    )
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField(_("remark"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("union remark")
        verbose_name_plural = _("union remarks")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:50]


class Decision(models.Model):
    """Who is offered the job, decided by the hiring council or the manager.

    A case may get a new decision after a declined offer; the latest one counts.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(RecruitmentCase, on_delete=models.CASCADE, related_name="decisions")
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chosen = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="+", verbose_name=_("chosen candidate")
    )
    text = models.TextField(_("decision"))
    decided_as = models.CharField(_("decided as"), max_length=30)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(_("decided"))
    # 1 for the first decision of the case, 2 after a declined offer, …
    number = models.PositiveSmallIntegerField(_("number"), default=1)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="decision_number_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case}: {self.chosen}"
