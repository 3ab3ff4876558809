from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lim.core.validators import validate_org_number


class Sector(models.TextChoices):
    STATE = "state", _("State")
    HEALTH_TRUST = "health_trust", _("Health trust")
    MUNICIPAL = "municipal", _("Municipal")
    PRIVATE = "private", _("Private")


class WrittenStandard(models.TextChoices):
    BOKMAL = "nb", _("Bokmål")
    NYNORSK = "nn", _("Nynorsk")


class BlindScreening(models.TextChoices):
    """How long the screening of a case hides who the applicants are."""

    OFF = "", _("Not required (each user may turn blind mode on)")
    INTERVIEW_LIST = "interview_list", _("Until the interview list is finalised")
    RECOMMENDATION = "recommendation", _("Until the recommendation is written")


class Role(models.TextChoices):
    HIRING_MANAGER = "hiring_manager", _("Hiring manager")
    HR_ADVISER = "hr_adviser", _("HR adviser")
    INCLUSION_COORDINATOR = "inclusion_coordinator", _("Inclusion coordinator")
    UNION_REPRESENTATIVE = "union_representative", _("Union representative")
    HIRING_COUNCIL = "hiring_council", _("Hiring council")
    EQUALITY_ANALYST = "equality_analyst", _("Equality analyst")
    EMPLOYEE = "employee", _("Employee")
    ADMINISTRATOR = "administrator", _("Administrator")


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    org_number = models.CharField(
        _("organisation number"), max_length=9, unique=True, validators=[validate_org_number]
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    written_standard = models.CharField(
        _("written standard"),
        max_length=2,
        choices=WrittenStandard.choices,
        default=WrittenStandard.BOKMAL,
    )
    staff_regulations_allow_12_months = models.BooleanField(
        _("staff regulations allow administrative hires of up to 12 months"), default=False
    )
    require_nav_checkpoint = models.BooleanField(
        _("require the NAV checkpoint before an ad is published"), default=True
    )
    diversity_statement = models.TextField(_("diversity statement"), blank=True)
    # The employer's address as NAV Arbeidsplassen asks for it with every ad.
    postal_code = models.CharField(
        _("postal code"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("A postal code has four digits."))],
    )
    postal_town = models.CharField(_("postal town"), max_length=100, blank=True)
    retention_days_not_interviewed = models.PositiveIntegerField(
        _("retention, applicants not interviewed (days after the case closes)"),
        default=120,
        validators=[MinValueValidator(1)],
    )
    retention_days_interviewed = models.PositiveIntegerField(
        _("retention, applicants interviewed or hired (days after the case closes)"),
        default=540,
        validators=[MinValueValidator(1)],
    )
    blind_screening_until = models.CharField(
        _("blind screening"),
        max_length=20,
        choices=BlindScreening.choices,
        default=BlindScreening.OFF,
        blank=True,
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown in figures"), default=5, validators=[MinValueValidator(3)]
    )
    # Time an applicant refused an exemption has to withdraw before the public applicant
    # list may be published (offentleglova § 25: they must be told, and get to react).
    applicant_list_wait_days = models.PositiveSmallIntegerField(
        _("days between refusing an exemption and publishing the applicant list"),
        default=3,
        validators=[MinValueValidator(1)],
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_group_size__gte=3), name="organisation_min_group_size_gte_3"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="units", verbose_name=_("organisation")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"], name="unit_unique_name_in_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")],
        default="nb",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class RoleAssignment(models.Model):
    """A user's role in a unit; it covers the unit and every unit below it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="role_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class AppendOnlyError(Exception):
    """Audit events are never changed or deleted."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    """Who did what to which object, and when. Written only by services."""

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    # Kept as text so the log still says who acted after a user is deleted.
    actor_label = models.CharField(_("actor"), max_length=254)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class ScheduledRun(models.Model):
    """A periodic job queued for one period (a local day): the unique key lets any number
    of `lim worker` processes try to queue it while only one succeeds."""

    job = models.CharField(_("job"), max_length=100)
    period = models.CharField(_("period"), max_length=20)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"


class PasswordResetRequest(models.Model):
    """One request for a password-reset e-mail, counted per account and per client
    address in the database (every worker process sees them). Both keys are keyed hashes:
    neither the address typed in nor the client's IP address is stored."""

    account = models.CharField(max_length=64, db_index=True)
    client = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.account[:8]} {self.at}"
