"""What the career site keeps beside the recruitment domain's Application: the portal
submission (idempotency key, exemption request), uploaded documents, private-link tokens,
the submission rate counter and the published applicant list."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.models import Application, RecruitmentCase


class ExemptionDecision(models.TextChoices):
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class PortalSubmission(models.Model):
    """One application sent through the career site."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="portal_submission"
    )
    # From a hidden field of the form: a repeated POST finds the application it made.
    idempotency_key = models.UUIDField(_("idempotency key"), unique=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    occupation = models.CharField(_("position or occupation"), max_length=200, blank=True)
    exemption_requested = models.BooleanField(
        _("asks to be left off the public applicant list"), default=False
    )
    exemption_reason = models.TextField(_("reason for the request"), blank=True)
    exemption_decision = models.CharField(
        _("decision"), max_length=10, choices=ExemptionDecision.choices, blank=True
    )
    exemption_justification = models.TextField(_("justification"), blank=True)
    exemption_decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    exemption_decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    exemption_notified_at = models.DateTimeField(_("applicant told"), null=True, blank=True)

    class Meta:
        verbose_name = _("career site submission")
        verbose_name_plural = _("career site submissions")

    def __str__(self) -> str:
        return str(self.application)


def _random_name(instance: object, filename: str) -> str:
    # The applicant's file name is kept in the database only; on disk the name is random.
    return f"applications/{uuid.uuid4().hex}"


class DocumentKind(models.TextChoices):
    CV = "cv", _("CV")
    ATTACHMENT = "attachment", _("Attachment")


class ApplicationDocument(models.Model):
    """A CV or attachment, stored under MEDIA_ROOT (never served publicly)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_documents"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=_random_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    file_type = models.CharField(_("file type"), max_length=4)  # pdf, docx, odt (sniffed)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"))

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ["uploaded_at", "original_name"]

    def __str__(self) -> str:
        return self.original_name


class AccessToken(models.Model):
    """A private link to the receipt page. Only the SHA-256 of the token is stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"))
    expires_at = models.DateTimeField(_("expires"))

    class Meta:
        verbose_name = _("private link")
        verbose_name_plural = _("private links")

    def __str__(self) -> str:
        return str(self.id)


class SubmissionAttempt(models.Model):
    """One POST to the application form, counted per client to limit the rate (in the
    database, so every server process sees the same count)."""

    client = models.CharField(max_length=64, db_index=True)  # SHA-256 of the IP address
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("submission attempt")
        verbose_name_plural = _("submission attempts")

    def __str__(self) -> str:
        return f"{self.client[:8]} {self.at}"


class ApplicantListPublication(models.Model):
    """The public applicant list as published (offentleglova § 25). A snapshot, so a
    published name stays on it whatever happens to the application afterwards."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(
        RecruitmentCase, on_delete=models.CASCADE, related_name="applicant_list_publication"
    )
    entries = models.JSONField(_("entries"), default=list)
    total = models.PositiveIntegerField(_("number of applicants"))
    by_gender = models.JSONField(_("applicants by gender"), default=dict)
    exempted = models.PositiveIntegerField(_("exempted applicants"))
    published_ids = models.JSONField(default=list)
    published_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(_("published"))

    class Meta:
        verbose_name = _("public applicant list")
        verbose_name_plural = _("public applicant lists")

    def __str__(self) -> str:
        return str(self.case)
