"""The applicant's own writes: submitting through the career site, the private link,
changing contact details, adding documents and withdrawing (which deletes everything)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import FileField
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.errors import DomainError
from lim.core.personal_data import purge_applications
from lim.portal.models import AccessToken, ApplicationDocument, PortalSubmission, SubmissionAttempt
from lim.recruitment.models import Application, ApplicationStatus, JobAd, RecruitmentCase
from lim.recruitment.services.applications import (
    DeclarationInput,
    application_create,
    application_withdraw,
)
from lim.recruitment.services.cases import notify_exemption_request
from lim.recruitment.services.common import queue_mail

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS = 10  # files in one submission or one upload through the private link
MAX_DOCUMENTS_PER_APPLICATION = 20
MAX_ANSWER_LENGTH = 4000
# None: settings.LIM_SUBMISSIONS_PER_CLIENT (default 20); tests may set a number here.
RATE_LIMIT: int | None = None
RATE_WINDOW = dt.timedelta(minutes=10)
# A backstop only: the token row is deleted with the application when retention ends.
TOKEN_BACKSTOP = dt.timedelta(days=2 * 365)
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Upload:
    kind: str  # cv, attachment
    name: str
    file: File[Any]
    file_type: str  # sniffed: pdf, docx, odt
    size: int
    stored_as: str = ""  # the name in storage, once written (before the transaction)


@dataclass(frozen=True)
class Applicant:
    name: str
    email: str
    phone: str
    birth_date: dt.date | None
    address: str
    postal_code: str
    municipality: str
    occupation: str
    gender: str
    education: str
    experience: str
    cover_letter: str
    # The ad's questions, as asked, with the applicant's answers.
    answers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Submitted:
    """What the career site may know after a submission: nothing that tells a new
    application from one already received with the same e-mail address. Both answer with
    the same page, and the address gets the private link by e-mail."""

    application: Application | None  # None when an earlier application got a new link
    token: str | None  # the new application's private link; None for a repeat or resend


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token(application: Application, now: dt.datetime) -> str:
    token = secrets.token_urlsafe(32)
    AccessToken.objects.create(
        application=application,
        token_hash=hash_token(token),
        created_at=now,
        expires_at=now + TOKEN_BACKSTOP,
    )
    return token


def application_for_token(token: str, *, now: dt.datetime) -> Application | None:
    """The application a private link opens, or None when unknown or expired (the link
    expires when the case's retention period ends)."""
    access = (
        AccessToken.objects.select_related(
            "application__case__organisation", "application__case__ad"
        )
        .filter(token_hash=hash_token(token), expires_at__gt=now)
        .first()
    )
    if access is None:
        return None
    case = access.application.case
    if case.closed_at is not None:
        retention = dt.timedelta(days=case.organisation.retention_days_interviewed)
        if now > case.closed_at + retention:
            return None
    return access.application


def _stored_first(service: Callable[P, R]) -> Callable[P, R]:
    """Writes the `uploads` to storage before `service` opens its transaction, so the
    transaction only inserts rows and holds the database's write lock for as short a
    time as it can (SQLite has one lock for the whole database). The files are deleted
    again if the service fails."""

    @functools.wraps(service)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        stored: list[str] = []
        try:
            uploads = cast(Sequence[Upload], kwargs["uploads"])
            kwargs["uploads"] = [_store(upload, stored) for upload in uploads]
            return service(*args, **kwargs)
        except BaseException:
            for name in stored:
                default_storage.delete(name)
            raise

    return wrapper


def _store(upload: Upload, stored: list[str]) -> Upload:
    """The upload written to storage under a random name, after checking its type and
    size; `stored` collects the names."""
    if upload.file_type not in ("pdf", "docx", "odt") or upload.size > MAX_DOCUMENT_BYTES:
        raise DomainError(_("The file is not a PDF, DOCX or ODT document."), field="cv")
    field = ApplicationDocument._meta.get_field("file")
    assert isinstance(field, FileField)
    name = field.generate_filename(ApplicationDocument(), upload.name)
    name = field.storage.save(name, upload.file, max_length=field.max_length)
    stored.append(name)
    return dataclasses.replace(upload, stored_as=name)


def _discard_stored(uploads: Sequence[Upload]) -> None:
    """The files of uploads that are not kept, deleted once the transaction ends."""
    names = [upload.stored_as for upload in uploads if upload.stored_as]

    def delete() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


def _save_documents(
    application: Application, uploads: Sequence[Upload], now: dt.datetime, *, have: int = 0
) -> None:
    """The rows for uploads already in storage (_stored_first), next to the `have`
    documents the application has (none when it is new)."""
    if have + len(uploads) > MAX_DOCUMENTS_PER_APPLICATION:
        raise DomainError(
            _("An application can have at most %(count)s documents.")
            % {"count": MAX_DOCUMENTS_PER_APPLICATION},
            field="documents",
        )
    ApplicationDocument.objects.bulk_create(
        ApplicationDocument(
            application=application,
            kind=upload.kind,
            original_name=upload.name[:200],
            file=upload.stored_as,
            file_type=upload.file_type,
            size=upload.size,
            uploaded_at=now,
        )
        for upload in uploads
    )


def _send_receipt(*, application: Application, ad: JobAd, link: str) -> None:
    with translation.override(application.language):
        context = {"application": application, "ad": ad, "link": link}
        subject = render_to_string("portal/email/receipt_subject.txt", context).strip()
        body = render_to_string("portal/email/receipt_body.txt", context)
    queue_mail(to=application.email, subject=subject, body=body)


def _checked_answers(ad: JobAd, given: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """The answers to the ad's questions as they stand now; the form must have asked
    exactly these questions (the ad cannot change after publication, but be sure)."""
    if [question for question, _answer in given] != list(ad.questions):
        raise DomainError(_("The ad's questions have changed. Reload the page."), field=None)
    answers = []
    for number, (question, answer) in enumerate(given, start=1):
        answer = answer.strip()
        if ad.answers_required and not answer:
            raise DomainError(_("Answer the question."), field=f"answer{number}")
        if len(answer) > MAX_ANSWER_LENGTH:
            raise DomainError(
                _("Write at most %(limit)s characters.") % {"limit": MAX_ANSWER_LENGTH},
                field=f"answer{number}",
            )
        answers.append({"question": question, "answer": answer})
    return answers


def _active_application(ad: JobAd, email: str) -> Application | None:
    """The application already received with this address (application_create refuses a
    second one), or None."""
    return (
        ad.case.applications.filter(email=email.strip().lower())
        .exclude(status__in=[ApplicationStatus.WITHDRAWN, ApplicationStatus.REJECTED])
        .first()
    )


def _resend_link(
    *, application: Application, ad: JobAd, link_for: Callable[[str], str], now: dt.datetime
) -> None:
    """Someone sent an application with the address of one already received: the address
    gets a new private link to that application, and the old link stops working (only
    the hash of a token is stored, so the old link cannot be sent again). Nothing of what
    was sent now is kept, and nothing of the earlier application reaches the sender."""
    AccessToken.objects.filter(application=application).delete()
    token = _new_token(application, now)
    with translation.override(application.language):
        context = {"application": application, "ad": ad, "link": link_for(token)}
        subject = render_to_string("portal/email/link_again_subject.txt", context).strip()
        body = render_to_string("portal/email/link_again_body.txt", context)
    queue_mail(to=application.email, subject=subject, body=body)
    audit_record(
        actor=None,
        action="application.link_resent",
        obj=application,
        organisation=ad.case.organisation,
        at=now,
        details={"why": "applied_again"},
    )


@_stored_first
@transaction.atomic
def portal_submit(
    *,
    ad: JobAd,
    idempotency_key: str,
    applicant: Applicant,
    exemption_requested: bool,
    exemption_reason: str,
    declaration: DeclarationInput | None,
    uploads: Sequence[Upload],
    language: str,
    link_for: Callable[[str], str],
    now: dt.datetime | None = None,
) -> Submitted:
    """Receive an application from the career site. A repeated key returns the first
    application unchanged, so a double submission is harmless. An address that has
    already applied gets a new link to its application by e-mail, and the answer is the
    same as for a new application."""
    now = now or timezone.now()
    # The case's row lock serialises submissions with the same key; only the id is read
    # (application_create reads the case itself).
    RecruitmentCase.objects.select_for_update().values_list("pk").get(pk=ad.case_id)
    earlier = PortalSubmission.objects.filter(idempotency_key=idempotency_key).first()
    if earlier is not None:
        _discard_stored(uploads)
        return Submitted(earlier.application, None)
    if ad.deadline is None or timezone.localdate(now) > ad.deadline:
        raise DomainError(_("The deadline for this position has passed."), field=None)
    if exemption_requested and not exemption_reason.strip():
        raise DomainError(
            _("Say why you ask to be left off the public applicant list."),
            field="exemption_reason",
        )
    answers = _checked_answers(ad, applicant.answers)
    existing = _active_application(ad, applicant.email)
    if existing is not None:
        _discard_stored(uploads)
        _resend_link(application=existing, ad=ad, link_for=link_for, now=now)
        return Submitted(None, None)
    application = application_create(
        actor=None,
        case=ad.case,
        name=applicant.name,
        email=applicant.email,
        phone=applicant.phone,
        birth_date=applicant.birth_date,
        address=applicant.address,
        municipality=applicant.municipality,
        gender=applicant.gender,
        language=language,
        education=applicant.education,
        experience=applicant.experience,
        cover_letter=applicant.cover_letter,
        answers=answers,
        declaration=declaration,
        now=now,
    )
    try:
        with transaction.atomic():
            PortalSubmission.objects.create(
                application=application,
                idempotency_key=idempotency_key,
                postal_code=applicant.postal_code.strip(),
                occupation=applicant.occupation.strip(),
                exemption_requested=exemption_requested,
                exemption_reason=exemption_reason.strip() if exemption_requested else "",
            )
    except IntegrityError:
        raise DomainError(_("This application has already been received."), field=None) from None
    if exemption_requested:
        notify_exemption_request(ad.case, now=now)
    _save_documents(application, uploads, now)
    token = _new_token(application, now)
    _send_receipt(application=application, ad=ad, link=link_for(token))
    return Submitted(application, token)


@transaction.atomic  # one short write transaction, not two
def rate_limit_allows(*, client_ip: str, now: dt.datetime | None = None) -> bool:
    """Count one submission from this client; False when it has sent too many lately."""
    now = now or timezone.now()
    client = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip}".encode()).hexdigest()
    SubmissionAttempt.objects.filter(at__lt=now - RATE_WINDOW).delete()
    limit = RATE_LIMIT if RATE_LIMIT is not None else settings.LIM_SUBMISSIONS_PER_CLIENT
    if SubmissionAttempt.objects.filter(client=client).count() >= limit:
        return False
    SubmissionAttempt.objects.create(client=client, at=now)
    return True


CONTACT_FIELDS = ("email", "phone", "address", "municipality")


@transaction.atomic
def contact_update(
    *,
    application: Application,
    email: str,
    phone: str,
    address: str,
    postal_code: str,
    municipality: str,
    now: dt.datetime | None = None,
) -> Application:
    """The applicant changes their contact details through the private link."""
    now = now or timezone.now()
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from None
    application = Application.objects.select_for_update().get(pk=application.pk)
    submission = PortalSubmission.objects.filter(application=application).first()
    new = {"email": email, "phone": phone.strip(), "address": address.strip()}
    new["municipality"] = municipality.strip()
    changed = [key for key in CONTACT_FIELDS if getattr(application, key) != new[key]]
    for key in changed:
        setattr(application, key, new[key])
    if changed:
        application.save(update_fields=changed)
    if submission is not None and submission.postal_code != postal_code.strip():
        submission.postal_code = postal_code.strip()
        submission.save(update_fields=["postal_code"])
        changed.append("postal_code")
    if changed:
        # The audit names the fields, not the values: the applicant's details stay private.
        audit_record(
            actor=None,
            action="application.contact_update",
            obj=application,
            organisation=application.case.organisation,
            at=now,
            details={"fields": changed},
        )
    return application


@_stored_first
@transaction.atomic
def documents_add(
    *, application: Application, uploads: Sequence[Upload], now: dt.datetime | None = None
) -> None:
    """Add documents through the private link, until the deadline."""
    now = now or timezone.now()
    ad = application.case.ad
    if ad.deadline is None or timezone.localdate(now) > ad.deadline:
        raise DomainError(_("Documents can only be added until the deadline."), field="files")
    have = ApplicationDocument.objects.filter(application=application).count()
    _save_documents(application, uploads, now, have=have)
    audit_record(
        actor=None,
        action="application.documents_add",
        obj=application,
        organisation=application.case.organisation,
        at=now,
        details={"count": len(uploads)},
    )


@transaction.atomic
def application_withdraw_and_delete(
    *, application: Application, now: dt.datetime | None = None
) -> None:
    """The applicant withdraws; the application, declaration and documents are deleted
    (the files once the deletion is committed, lim.portal.files) and the applicant gets a
    confirmation by e-mail. The audit keeps only that it happened, in which case."""
    now = now or timezone.now()
    application = application_withdraw(actor=None, application=application, now=now)
    case = application.case
    application_id = str(application.pk)
    with translation.override(application.language):
        context = {"name": application.name, "ad": case.ad}
        subject = render_to_string("portal/email/withdrawn_subject.txt", context).strip()
        body = render_to_string("portal/email/withdrawn_body.txt", context)
    queue_mail(to=application.email, subject=subject, body=body)  # sent after the commit
    purge_applications(Application.objects.filter(pk=application.pk))
    audit_record(
        actor=None,
        action="application.delete",
        organisation=case.organisation,
        at=now,
        details={"case": str(case.pk), "application": application_id, "why": "withdrawn"},
    )
