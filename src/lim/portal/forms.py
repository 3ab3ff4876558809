"""The application form: personal details, documents, voluntary declarations."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from lim.portal.services.applying import (
    MAX_ANSWER_LENGTH,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENTS,
    Applicant,
    Upload,
)
from lim.portal.sniffing import sniff_document
from lim.recruitment.services.applications import AbsencePeriod, DeclarationInput

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
PERIODS = 3
GAP_PARTS = ("start", "end", "cause")
ACCEPT = ".pdf,.docx,.odt,application/pdf"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


def _at_most(files: list[UploadedFile[Any]]) -> list[UploadedFile[Any]]:
    if len(files) > MAX_DOCUMENTS:
        raise forms.ValidationError(
            _("Attach at most %(count)s files at a time."), params={"count": MAX_DOCUMENTS}
        )
    return files


def to_upload(file: UploadedFile[Any], kind: str) -> Upload:
    """The file as an Upload, or a ValidationError when its content is not allowed."""
    if file.size is None or file.size > MAX_DOCUMENT_BYTES:
        raise forms.ValidationError(_("%(name)s is larger than 10 MB."), params={"name": file.name})
    file_type = sniff_document(file)  # type: ignore[arg-type]  # UploadedFile is a binary stream
    if file_type is None:
        raise forms.ValidationError(
            _("%(name)s is not a PDF, DOCX or ODT document."), params={"name": file.name}
        )
    return Upload(kind, str(file.name), file, file_type, file.size)


def _text(label: Any, autocomplete: str, required: bool = True, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        **kw,
    )


def _date(label: Any, autocomplete: str = "off", required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=_("Day, month and year, for example 17.05.1990."),
        widget=forms.DateInput(attrs={"autocomplete": autocomplete, "inputmode": "numeric"}),
    )


CAUSES = [
    ("", _("Choose a cause")),
    ("illness", _("Illness, physical or mental")),
    ("substance_abuse", _("Problems with alcohol or drugs")),
    ("imprisonment", _("In prison")),
    ("job_seeking", _("Looking for work")),
    ("other", _("Something else")),
]


class ApplicationForm(forms.Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    name = _text(_("Full name"), "name", max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    birth_date = _date(_("Date of birth"), "bday", required=True)
    address = _text(_("Street address"), "street-address", required=False, max_length=200)
    postal_code = _text(_("Postal code"), "postal-code", required=False, max_length=10)
    municipality = _text(_("Municipality or town"), "address-level2", max_length=100)
    occupation = _text(
        _("Your current position or occupation"), "organization-title", max_length=200
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("woman", _("Woman")), ("man", _("Man")), ("other", _("Other"))],
        widget=forms.RadioSelect,
        help_text=_("Used only to count applicants by gender, as the law requires."),
    )
    cover_letter = forms.CharField(label=_("Cover letter"), widget=forms.Textarea)
    education = forms.CharField(
        label=_("Education"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One line for each education: what, where and when."),
    )
    experience = forms.CharField(
        label=_("Work experience"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One line for each job: position, employer and when."),
    )
    cv = forms.FileField(
        label=_("CV"),
        help_text=_("PDF, DOCX or ODT, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    attachments = MultipleFileField(
        label=_("Other attachments (optional)"),
        required=False,
        help_text=_("For example diplomas and references. PDF, DOCX or ODT, at most 10 MB each."),
    )
    disability = forms.BooleanField(
        label=_("I have a disability and will need accommodation at work"), required=False
    )
    current_employment = forms.ChoiceField(
        label=_("Do you have a job now?"),
        required=False,
        choices=[
            ("none", _("No")),
            ("temporary", _("Yes, a temporary job")),
            ("permanent", _("Yes, a permanent job")),
        ],
        initial="none",
    )
    employment_start = _date(_("The temporary job started"))
    employment_end = _date(_("The temporary job ends"))
    immigrant_background = forms.BooleanField(
        label=_("I have an immigrant background"), required=False
    )
    consent_statistics = forms.BooleanField(
        label=_("You may use what I declare in anonymous statistics"), required=False
    )
    exemption_requested = forms.BooleanField(
        label=_("I ask to be left off the public applicant list"), required=False
    )
    exemption_reason = forms.CharField(
        label=_("Why you ask to be left off the list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I have read how my application and personal data are handled"),
    )

    def __init__(
        self,
        *args: Any,
        questions: Sequence[str] = (),
        answers_required: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())
        # The ad's own questions, each a field named by its place in the ad.
        self.questions = list(questions)
        for n, question in enumerate(self.questions, start=1):
            self.fields[f"answer{n}"] = forms.CharField(
                label=question,
                required=answers_required,
                max_length=MAX_ANSWER_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        for n in range(1, PERIODS + 1):
            self.fields[f"gap{n}_start"] = _date(_("From"))
            self.fields[f"gap{n}_end"] = _date(_("To"))
            self.fields[f"gap{n}_cause"] = forms.ChoiceField(
                label=_("Why"), required=False, choices=CAUSES
            )

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[f"answer{n}"] for n in range(1, len(self.questions) + 1)]

    def answers(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (question, data.get(f"answer{n}", ""))
            for n, question in enumerate(self.questions, start=1)
        ]

    def period_rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (n, [self[f"gap{n}_start"], self[f"gap{n}_end"], self[f"gap{n}_cause"]])
            for n in range(1, PERIODS + 1)
        ]

    def clean_cv(self) -> Upload:
        return to_upload(self.cleaned_data["cv"], "cv")

    def clean_attachments(self) -> list[Upload]:
        return [to_upload(f, "attachment") for f in _at_most(self.cleaned_data["attachments"])]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for n in range(1, PERIODS + 1):
            start, end, cause = (data.get(f"gap{n}_{k}") for k in GAP_PARTS)
            if not (start or end or cause):
                continue
            if not (start and end and cause):
                self.add_error(f"gap{n}_start", _("Give both dates and a cause for the period."))
            elif end < start:
                self.add_error(f"gap{n}_end", _("The period ends before it starts."))
        self._clean_temporary_job(data)
        if data.get("exemption_requested") and not (data.get("exemption_reason") or "").strip():
            self.add_error(
                "exemption_reason", _("Say why you ask to be left off the public applicant list.")
            )
        return data

    def _clean_temporary_job(self, data: dict[str, Any]) -> None:
        """The CV-gap rule, which runs when periods are given, needs both dates of a
        temporary job; the dates of any other answer are not used."""
        given = any(data.get(f"gap{n}_{k}") for n in range(1, PERIODS + 1) for k in GAP_PARTS)
        if data.get("current_employment") != "temporary" or not given:
            return
        start, end = data.get("employment_start"), data.get("employment_end")
        for name, value in (("employment_start", start), ("employment_end", end)):
            if value is None and name not in self.errors:
                self.add_error(
                    name, _("Give the date your temporary job started and the date it ends.")
                )
        if start and end and end < start:
            self.add_error("employment_end", _("The job ends before it starts."))

    def periods(self) -> list[AbsencePeriod]:
        data = self.cleaned_data
        return [
            AbsencePeriod(data[f"gap{n}_start"], data[f"gap{n}_end"], data[f"gap{n}_cause"])
            for n in range(1, PERIODS + 1)
            if data.get(f"gap{n}_start") and data.get(f"gap{n}_end") and data.get(f"gap{n}_cause")
        ]

    def employment(self) -> dict[str, Any]:
        data = self.cleaned_data
        kind = data.get("current_employment") or "none"
        if kind != "temporary" or not (data.get("employment_start") and data.get("employment_end")):
            return {"kind": kind, "start": None, "end": None}
        return {"kind": kind, "start": data["employment_start"], "end": data["employment_end"]}

    def declaration(self) -> DeclarationInput | None:
        data = self.cleaned_data
        periods = self.periods()
        if not (data["disability"] or periods or data["immigrant_background"]):
            return None
        return DeclarationInput(
            disability=data["disability"],
            cv_gap_periods=periods,
            current_employment=self.employment(),
            immigrant_background=data["immigrant_background"],
            consent_statistics=data["consent_statistics"],
        )

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            birth_date=data["birth_date"],
            address=data["address"],
            postal_code=data["postal_code"],
            municipality=data["municipality"],
            occupation=data["occupation"],
            gender=data["gender"] or "unknown",
            education=data["education"],
            experience=data["experience"],
            cover_letter=data["cover_letter"],
            answers=tuple(self.answers()),
        )

    def uploads(self) -> list[Upload]:
        return [self.cleaned_data["cv"], *self.cleaned_data["attachments"]]


class ContactForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    address = _text(_("Street address"), "street-address", required=False, max_length=200)
    postal_code = _text(_("Postal code"), "postal-code", required=False, max_length=10)
    municipality = _text(_("Municipality or town"), "address-level2", required=False)


class DocumentsForm(forms.Form):
    documents = MultipleFileField(
        label=_("Documents to add"), help_text=_("PDF, DOCX or ODT, at most 10 MB each.")
    )

    def clean_documents(self) -> list[Upload]:
        return [to_upload(f, "attachment") for f in _at_most(self.cleaned_data["documents"])]


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my application and delete everything I sent")
    )
