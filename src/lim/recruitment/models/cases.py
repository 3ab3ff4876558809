"""The case and the steps before applications: NAV checkpoint, job analysis, ad."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import Organisation, Unit, User


class CaseStep(models.TextChoices):
    """The same values as lim.recruitment.states.Step, with labels."""

    NEED = "need", _("Need")
    JOB_ANALYSIS = "job_analysis", _("Job analysis")
    AD = "ad", _("Ad")
    APPLICATIONS = "applications", _("Applications")
    SELECTION = "selection", _("Selection")
    RECOMMENDATION = "recommendation", _("Recommendation")
    DECISION = "decision", _("Decision")
    OFFER = "offer", _("Offer")
    ONBOARDING = "onboarding", _("Onboarding")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class CaseReason(models.TextChoices):
    NEW_POSITION = "new_position", _("New position")
    REPLACEMENT = "replacement", _("Replacement")
    LEAVE_SUBSTITUTE = "leave_substitute", _("Substitute during leave")
    TEMPORARY_NEED = "temporary_need", _("Temporary need")


class HiringRoute(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary announcement")
    ADMINISTRATIVE = "administrative", _("Administrative hire")
    WAGE_SUBSIDY = "wage_subsidy", _("Temporary hire with wage subsidy")
    TRAINEE = "trainee", _("State trainee programme")
    AFTER_TRAINEE = "after_trainee", _("Hire after the trainee programme")


class RecruitmentCase(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="recruitment_cases",
        verbose_name=_("organisation"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="recruitment_cases", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=200)
    reason = models.CharField(_("reason"), max_length=30, choices=CaseReason.choices)
    desired_start = models.DateField(_("desired start"), null=True, blank=True)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    hiring_manager = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="managed_cases",
        verbose_name=_("hiring manager"),
    )
    step = models.CharField(
        _("step"), max_length=20, choices=CaseStep.choices, default=CaseStep.NEED, db_index=True
    )
    route = models.CharField(
        _("hiring route"), max_length=20, choices=HiringRoute.choices, default=HiringRoute.ORDINARY
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("recruitment case")
        verbose_name_plural = _("recruitment cases")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CanFill(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNSURE = "unsure", _("Unsure")


class NavCheckpoint(models.Model):
    """Can a person from the target groups fill this need, and is NAV asked (policy)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(
        RecruitmentCase, on_delete=models.CASCADE, related_name="nav_checkpoint"
    )
    can_target_group_fill = models.CharField(
        _("can a person with a disability or a CV gap fill the need?"),
        max_length=10,
        choices=CanFill.choices,
    )
    ask_nav = models.BooleanField(_("ask NAV for candidates"))
    reason = models.TextField(_("why or why not"))
    route = models.CharField(_("hiring route"), max_length=20, choices=HiringRoute.choices)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("NAV checkpoint")
        verbose_name_plural = _("NAV checkpoints")

    def __str__(self) -> str:
        return f"{self.case}: {self.get_route_display()}"


class NotificationKind(models.TextChoices):
    NEW_CASE = "new_case", _("New recruitment need")
    EXEMPTION_REQUEST = "exemption_request", _("Request to be left off the applicant list")


class Notification(models.Model):
    """An in-app message; the e-mail sent with it carries no personal data."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="recruitment_notifications"
    )
    case = models.ForeignKey(
        RecruitmentCase, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "case", "kind"], name="notification_once_per_case"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.case}"


class EmploymentForm(models.TextChoices):
    PERMANENT = "permanent", _("Permanent")
    TEMPORARY = "temporary", _("Temporary")


class TemporaryBasis(models.TextChoices):
    """Statsansatteloven § 9 first paragraph, letters a–e."""

    A = "a", _("a) Temporary work, extra workload, limited assignment")
    B = "b", _("b) Substitute")
    C = "c", _("c) Practice work, including the state trainee programme")
    D = "d", _("d) Education position")
    E = "e", _("e) Unforeseen need, up to 6 months")


class JobAnalysis(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(
        RecruitmentCase, on_delete=models.CASCADE, related_name="job_analysis"
    )
    tasks = models.TextField(_("tasks"))
    competence_profile = models.TextField(_("competence profile"))
    education_level = models.CharField(_("education level"), max_length=200, blank=True)
    employment_form = models.CharField(
        _("employment form"), max_length=10, choices=EmploymentForm.choices
    )
    temporary_basis = models.CharField(
        _("temporary basis"), max_length=1, choices=TemporaryBasis.choices, blank=True
    )
    temporary_start = models.DateField(_("temporary from"), null=True, blank=True)
    temporary_end = models.DateField(_("temporary until"), null=True, blank=True)
    fte_percent = models.PositiveSmallIntegerField(
        _("percentage of full time"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    reduced_percentage_possible = models.BooleanField(
        _("a reduced percentage is possible"), default=False
    )
    location = models.CharField(_("place of work"), max_length=200, blank=True)
    salary_min = models.PositiveIntegerField(_("salary from"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary to"), null=True, blank=True)
    occupation_code = models.CharField(_("occupation (STYRK-08)"), max_length=4, blank=True)
    updated_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("job analysis")
        verbose_name_plural = _("job analyses")

    def __str__(self) -> str:
        return str(self.case)


class RequirementKind(models.TextChoices):
    MUST = "must", _("Must")
    SHOULD = "should", _("Should")


class Requirement(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job_analysis = models.ForeignKey(
        JobAnalysis, on_delete=models.CASCADE, related_name="requirements"
    )
    text = models.CharField(_("requirement"), max_length=300)
    kind = models.CharField(_("kind"), max_length=6, choices=RequirementKind.choices)
    justification = models.TextField(_("why the job needs it"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["order", "text"]

    def __str__(self) -> str:
        return self.text


class AdChannel(models.TextChoices):
    CAREER_SITE = "career_site", _("Career site")
    NAV = "nav", _("NAV Arbeidsplassen")
    INTERNAL_ONLY = "internal_only", _("Internal only")


class JobAd(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(RecruitmentCase, on_delete=models.CASCADE, related_name="ad")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    language = models.CharField(_("written standard"), max_length=2, default="nb")
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    channels = models.JSONField(_("channels"), default=list)
    # The ad's own questions to applicants (texts), answered in the application form.
    questions = models.JSONField(_("questions for applicants"), default=list, blank=True)
    answers_required = models.BooleanField(_("every question must be answered"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("job ad")
        verbose_name_plural = _("job ads")

    def __str__(self) -> str:
        return self.title
