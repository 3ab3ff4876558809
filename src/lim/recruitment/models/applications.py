"""Applications, the target-group declaration (special category data) and assessments."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.models.cases import RecruitmentCase, Requirement


class ApplicationStatus(models.TextChoices):
    """The same values as lim.recruitment.states.Status, with labels."""

    NEW = "new", _("New")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    QUALIFIED = "qualified", _("Qualified")
    NOT_QUALIFIED = "not_qualified", _("Not qualified")
    INVITED = "invited", _("Invited to interview")
    INTERVIEWED = "interviewed", _("Interviewed")
    RECOMMENDED = "recommended", _("Recommended")
    OFFERED = "offered", _("Offered")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not stated")


class ApplicationSource(models.TextChoices):
    PORTAL = "portal", _("Career site")
    HR = "hr", _("Registered by HR")
    NAV = "nav", _("Referred by NAV")


class RejectionReason(models.TextChoices):
    NOT_QUALIFIED = "not_qualified", _("Not qualified")
    NOT_SHORTLISTED = "not_shortlisted", _("Not invited to interview")
    NOT_RANKED = "not_ranked", _("Not ranked in the recommendation")
    POSITION_FILLED = "position_filled", _("The position has been filled")
    CASE_CANCELLED = "case_cancelled", _("The recruitment was cancelled")


class Application(models.Model):
    """One applicant's application to one case (an applicant has no account)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(RecruitmentCase, on_delete=models.CASCADE, related_name="applications")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")],
        default="nb",
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ApplicationSource.choices, default="portal"
    )
    nav_contact = models.CharField(_("NAV contact"), max_length=200, blank=True)
    # Facts the routes without announcement depend on (forskrift § 3a letters a and b).
    has_wage_subsidy = models.BooleanField(
        _("NAV has granted a temporary wage subsidy"), default=False
    )
    completed_trainee_here = models.BooleanField(
        _("completed the state trainee programme here"), default=False
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.NEW,
        db_index=True,
    )
    rejection_reason = models.CharField(
        _("reason for rejection"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    qualification_override = models.BooleanField(_("assessor overrode the result"), default=False)
    qualification_justification = models.TextField(_("justification"), blank=True)
    education = models.TextField(_("education"), blank=True)
    experience = models.TextField(_("experience"), blank=True)
    cover_letter = models.TextField(_("cover letter"), blank=True)
    # The ad's questions as they were asked, with the answers: [{"question", "answer"}].
    answers = models.JSONField(_("answers to the ad's questions"), default=list, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))
    status_changed_at = models.DateTimeField(_("status changed"))
    # When the templated reply (rejection or cancellation) was queued; never sent twice.
    replied_at = models.DateTimeField(_("reply sent"), null=True, blank=True)
    # When retention ended for a hired applicant: the application's personal details were
    # removed and only what the hire record needs was kept.
    anonymised_at = models.DateTimeField(_("personal details removed"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["submitted_at", "id"]
        # E-mail is stored in lower case; duplicates are looked up per case.
        indexes = [models.Index(fields=["case", "email"], name="application_case_email")]

    def __str__(self) -> str:
        return self.name


class RetainedTally(models.Model):
    """Applicants by gender per organisation and year of application, for applications
    deleted when their retention period ended: aggregate figures survive deletion
    (RULES.md). Withdrawn applications are not counted, as when they are deleted at once."""

    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.CASCADE, related_name="retained_tallies"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    applicants = models.PositiveIntegerField(_("applicants"), default=0)

    class Meta:
        verbose_name = _("count of deleted applications")
        verbose_name_plural = _("counts of deleted applications")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "gender"], name="retained_tally_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.gender}: {self.applicants}"


class TargetGroupDeclaration(models.Model):
    """What the applicant declared, voluntarily (statsansatteforskriften §§ 4, 4a).

    Special category data (GDPR art. 9): read it only through
    lim.recruitment.selectors.declaration_for_user, which checks need and audits.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="declaration"
    )
    disability = models.BooleanField(_("disability needing accommodation"), default=False)
    cv_gap = models.BooleanField(_("CV gap"), default=False)
    # The periods and causes as the applicant gave them, and TG-CVGAP's result on them.
    cv_gap_periods = models.JSONField(_("periods outside work or education"), default=list)
    current_employment = models.JSONField(_("current employment"), default=dict, blank=True)
    cv_gap_result = models.JSONField(_("CV gap assessment"), default=dict)
    immigrant_background = models.BooleanField(_("immigrant background"), default=False)
    consent_statistics = models.BooleanField(_("consent to use for statistics"), default=False)
    declared_at = models.DateTimeField(_("declared"))

    class Meta:
        verbose_name = _("target-group declaration")
        verbose_name_plural = _("target-group declarations")

    def __str__(self) -> str:
        return str(_("Declaration"))


class AssessmentResult(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class Assessment(models.Model):
    """How an application meets one requirement of the job analysis."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.CASCADE, related_name="assessments"
    )
    result = models.CharField(_("result"), max_length=10, choices=AssessmentResult.choices)
    note = models.TextField(_("note"), blank=True)
    assessed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    assessed_at = models.DateTimeField(_("assessed"))

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"], name="assessment_once_per_requirement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.requirement}: {self.get_result_display()}"
