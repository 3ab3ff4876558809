"""Forms for the applicant list, applications, assessment and interviews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.forms.widgets import DateInput, DateTimeInput, text_area
from lim.recruitment.models import (
    Application,
    ApplicationSource,
    ApplicationStatus,
    AssessmentResult,
    Gender,
    InterviewCriterion,
    RejectionReason,
    Requirement,
)
from lim.recruitment.services.interviews import REFERENCE_QUESTIONS

SORTS = [
    ("submitted", _("Received, oldest first")),
    ("-submitted", _("Received, newest first")),
    ("name", _("Name")),
    ("status", _("Status")),
]


class ApplicantFilterForm(forms.Form):
    """The GET filters of the screening list; invalid values are simply ignored."""

    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *ApplicationStatus.choices], required=False
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=[("", _("All")), *ApplicationSource.choices], required=False
    )
    qualified = forms.ChoiceField(
        label=_("Qualified"),
        choices=[("", _("All")), ("yes", _("Qualified")), ("no", _("Not qualified"))],
        required=False,
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)
    blind = forms.BooleanField(label=_("Blind mode (hide identity)"), required=False)


class BulkActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action for the selected applications"),
        choices=[("start_assessment", _("Start assessment")), ("reject", _("Reject"))],
    )
    reason = forms.ChoiceField(
        label=_("Reason for rejection"),
        choices=[("", _("Choose a reason")), *RejectionReason.choices],
        required=False,
    )
    applications = forms.ModelMultipleChoiceField(
        queryset=Application.objects.none(), label=_("Applications")
    )

    def __init__(self, *args: Any, applications: QuerySet[Application], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["applications"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = applications

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "reject" and not data.get("reason"):
            self.add_error("reason", _("Choose a reason for the rejection."))
        return data


class ApplicationRegisterForm(forms.Form):
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            (ApplicationSource.HR, _("Registered by HR")),
            (ApplicationSource.NAV, _("Referred by NAV")),
        ],
        widget=forms.RadioSelect,
        initial=ApplicationSource.HR,
    )
    nav_contact = forms.CharField(
        label=_("Contact at NAV"),
        help_text=_("Required for an applicant referred by NAV."),
        max_length=200,
        required=False,
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    birth_date = forms.DateField(label=_("Date of birth"), required=False, widget=DateInput())
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    municipality = forms.CharField(label=_("Municipality"), max_length=100, required=False)
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, initial=Gender.UNKNOWN)
    language = forms.ChoiceField(
        label=_("Language for letters"),
        choices=[("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")],
    )
    education = forms.CharField(label=_("Education"), widget=text_area(), required=False)
    experience = forms.CharField(label=_("Experience"), widget=text_area(), required=False)
    cover_letter = forms.CharField(label=_("Cover letter"), widget=text_area(6), required=False)
    disability = forms.BooleanField(
        label=_("The applicant declares a disability needing accommodation"), required=False
    )
    cv_gap = forms.BooleanField(label=_("The applicant declares a gap in the CV"), required=False)
    immigrant_background = forms.BooleanField(
        label=_("The applicant declares an immigrant background"), required=False
    )
    consent_statistics = forms.BooleanField(
        label=_("The applicant consents to the use of the declaration for statistics"),
        required=False,
    )

    DECLARATION_FIELDS = ("disability", "cv_gap", "immigrant_background", "consent_statistics")


class AssessmentForm(forms.Form):
    """One result and note per requirement of the job analysis."""

    def __init__(
        self,
        *args: Any,
        requirements: Sequence[Requirement],
        initial_results: dict[Any, Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.requirements = list(requirements)
        for requirement in self.requirements:
            previous = initial_results.get(requirement.id)
            self.fields[f"result_{requirement.id}"] = forms.ChoiceField(
                label=requirement.text,
                help_text=requirement.get_kind_display(),
                choices=AssessmentResult.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=previous.result if previous else None,
            )
            self.fields[f"note_{requirement.id}"] = forms.CharField(
                label=_("Note on “%(requirement)s”") % {"requirement": requirement.text},
                widget=text_area(2),
                required=False,
                initial=previous.note if previous else "",
            )

    def changed_results(self) -> list[tuple[Requirement, str, str]]:
        """(requirement, result, note) for every requirement given a result."""
        rows = []
        for requirement in self.requirements:
            result = self.cleaned_data.get(f"result_{requirement.id}")
            if result:
                rows.append(
                    (requirement, result, self.cleaned_data.get(f"note_{requirement.id}", ""))
                )
        return rows

    def results_shown(self) -> list[tuple[str, str]]:
        """(requirement, result in words) for those who may read but not assess."""
        labels = dict(AssessmentResult.choices)
        return [
            (
                requirement.text,
                str(labels.get(self[f"result_{requirement.id}"].value(), "–")),
            )
            for requirement in self.requirements
        ]


class QualificationForm(forms.Form):
    override = forms.BooleanField(label=_("Override the result of the assessment"), required=False)
    justification = forms.CharField(
        label=_("Justification for overriding"), widget=text_area(3), required=False
    )


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for rejection"), choices=RejectionReason.choices)


class InterviewListForm(forms.Form):
    invited = forms.ModelMultipleChoiceField(
        queryset=Application.objects.none(),
        label=_("Invite to interview"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self,
        *args: Any,
        candidates: QuerySet[Application],
        label: Callable[[Application], str] = str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["invited"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = candidates
        field.label_from_instance = label  # type: ignore[method-assign,assignment]  # a code in blind mode


class InterviewScheduleForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    panel = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), label=_("Panel"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, panel: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["panel"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = panel


class AccommodationForm(forms.Form):
    answer = forms.CharField(
        label=_("The applicant's answer: is anything needed to take part in the interview?"),
        widget=text_area(3),
        required=False,
    )


class ScoreForm(forms.Form):
    """One interviewer's score (1–5) and note per criterion of the guide."""

    def __init__(self, *args: Any, criteria: Sequence[InterviewCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.id}"] = forms.TypedChoiceField(
                label=criterion.text,
                choices=[("", _("Not scored")), *((n, str(n)) for n in range(1, 6))],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"note_{criterion.id}"] = forms.CharField(
                label=_("Note on “%(criterion)s”") % {"criterion": criterion.text},
                widget=text_area(2),
                required=False,
            )

    def scores(self) -> list[tuple[InterviewCriterion, int, str]]:
        rows = []
        for criterion in self.criteria:
            score = self.cleaned_data.get(f"score_{criterion.id}")
            if score is not None:
                rows.append((criterion, score, self.cleaned_data.get(f"note_{criterion.id}", "")))
        return rows


class ReferenceCheckForm(forms.Form):
    referee_name = forms.CharField(label=_("Referee"), max_length=200)
    referee_relation = forms.CharField(label=_("Relation to the applicant"), max_length=200)
    referee_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for index, question in enumerate(REFERENCE_QUESTIONS):
            self.fields[f"answer_{index}"] = forms.CharField(
                label=question, widget=text_area(3), required=False
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data.get(f"answer_{i}", "") for i in range(len(REFERENCE_QUESTIONS))]
