"""Offer, hire and onboarding."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.models.applications import Application
from lim.recruitment.models.cases import EmploymentForm, HiringRoute, RecruitmentCase


class OfferResponse(models.TextChoices):
    PENDING = "pending", _("Awaiting answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Offer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="offer")
    terms = models.TextField(_("terms"))
    made_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("sent"))
    response = models.CharField(
        _("answer"), max_length=10, choices=OfferResponse.choices, default=OfferResponse.PENDING
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self) -> str:
        return str(self.application)


class Hire(models.Model):
    """A hire as the inclusion figures count it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(RecruitmentCase, on_delete=models.PROTECT, related_name="hires")
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="hire")
    route = models.CharField(_("hiring route"), max_length=20, choices=HiringRoute.choices)
    employment_form = models.CharField(
        _("employment form"), max_length=10, choices=EmploymentForm.choices
    )
    temporary_basis = models.CharField(_("temporary basis"), max_length=1, blank=True)
    fte_percent = models.PositiveSmallIntegerField(_("percentage of full time"))
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    # Copied from the declaration only with consent to statistics; None means not known.
    target_group_disability = models.BooleanField(null=True, blank=True)
    target_group_cv_gap = models.BooleanField(null=True, blank=True)
    # True when hired through a route for the target groups (wage subsidy, trainee).
    target_group_route = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"))

    class Meta:
        verbose_name = _("hire")
        verbose_name_plural = _("hires")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return f"{self.case}: {self.start_date}"


class OnboardingPlan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    hire = models.OneToOneField(Hire, on_delete=models.CASCADE, related_name="onboarding_plan")
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("onboarding plan")
        verbose_name_plural = _("onboarding plans")

    def __str__(self) -> str:
        return str(self.hire)


class OnboardingTaskKind(models.TextChoices):
    WELCOME = "welcome", _("Welcome programme")
    BUDDY = "buddy", _("Buddy or mentor")
    ACCOMMODATION = "accommodation", _("Accommodation follow-up")
    COMPETENCE = "competence", _("Competence plan")
    CHECK_IN = "check_in", _("Check-in")


class OnboardingTask(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(OnboardingPlan, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("kind"), max_length=20, choices=OnboardingTaskKind.choices)
    title = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="onboarding_tasks"
    )
    due_date = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("onboarding task")
        verbose_name_plural = _("onboarding tasks")
        ordering = ["due_date", "order"]

    def __str__(self) -> str:
        return self.title
