from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import Organisation, User


class WorkforceSnapshot(models.Model):
    """One year's workforce as imported: the validated table, stored whole.

    The rows are kept as Parquet (polars' columnar format) because every use reads the
    whole table into lim.equality.stats; per-employee rows are never queried one by one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workforce_snapshots"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    imported_at = models.DateTimeField(_("imported"))
    imported_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    source_name = models.CharField(_("file"), max_length=255)
    employee_count = models.PositiveIntegerField(_("employees"))
    columns = models.JSONField(_("columns"), default=list)
    warnings = models.JSONField(_("warnings"), default=list)
    data = models.BinaryField()

    class Meta:
        verbose_name = _("workforce snapshot")
        verbose_name_plural = _("workforce snapshots")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="workforce_snapshot_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


class ApplicationsSnapshot(models.Model):
    """An uploaded applications file for the recruitment table, when cases were not in LIM."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="applications_snapshots"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    imported_at = models.DateTimeField(_("imported"))
    imported_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    source_name = models.CharField(_("file"), max_length=255)
    application_count = models.PositiveIntegerField(_("applications"))
    data = models.BinaryField()

    class Meta:
        verbose_name = _("applications snapshot")
        verbose_name_plural = _("applications snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="applications_snapshot_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


class StatementArea(models.TextChoices):
    """Bufdir's areas for the duty to act (likestillings- og diskrimineringsloven § 26)."""

    RECRUITMENT = "recruitment", _("Recruitment")
    PAY = "pay", _("Pay and working conditions")
    PROMOTION = "promotion", _("Promotion and development")
    ACCOMMODATION = "accommodation", _("Accommodation")
    WORK_LIFE = "work_life", _("Combining work and family life")
    HARASSMENT = "harassment", _("Preventing harassment and gender-based violence")


class EqualityStatement(models.Model):
    """Part 2 of the statement: how the organisation works for equality (the text)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="equality_statements"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    principles = models.TextField(
        _("principles, procedures and standards for equality and non-discrimination"), blank=True
    )
    how_we_work = models.TextField(
        _("how the work is organised, with the employees' representatives"), blank=True
    )
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)

    class Meta:
        verbose_name = _("equality statement")
        verbose_name_plural = _("equality statements")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="equality_statement_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"


class StatementAreaText(models.Model):
    """The four ARP steps for one area: risks found, their causes, measures, results."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    statement = models.ForeignKey(EqualityStatement, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(_("area"), max_length=20, choices=StatementArea.choices)
    risks = models.TextField(_("1. risks of discrimination and obstacles found"), blank=True)
    causes = models.TextField(_("2. causes of the risks found"), blank=True)
    measures = models.TextField(_("3. measures taken or planned"), blank=True)
    results = models.TextField(_("4. results and evaluation of the measures"), blank=True)

    class Meta:
        verbose_name = _("area of the statement")
        verbose_name_plural = _("areas of the statement")
        constraints = [
            models.UniqueConstraint(fields=["statement", "area"], name="statement_area_unique")
        ]

    def __str__(self) -> str:
        return self.get_area_display()


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Not imported")


class ImportJob(models.Model):
    """A large import run by the worker; its page shows the status and the problems.

    The uploaded files wait in the default storage under `workforce_file` and
    `applications_file` and are deleted when the import has run, whatever the outcome.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="equality_import_jobs"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    requested_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(_("requested"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    language = models.CharField(max_length=10, default="nb")
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    workforce_name = models.CharField(_("file"), max_length=255)
    workforce_file = models.CharField(max_length=255, blank=True)
    applications_name = models.CharField(max_length=255, blank=True)
    applications_file = models.CharField(max_length=255, blank=True)
    # The first SHOWN_PROBLEMS problems, as the page lists them, and how many there were.
    problems = models.JSONField(_("problems"), default=list)
    problem_count = models.PositiveIntegerField(default=0)
    employee_count = models.PositiveIntegerField(_("employees"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year} {self.status}"

    SHOWN_PROBLEMS = 500

    @property
    def in_progress(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
