"""Forms for the need, the NAV checkpoint, the job analysis and the ad."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lim.core.models import Unit
from lim.recruitment.forms.widgets import DateInput, text_area, yes_no_field
from lim.recruitment.models import (
    AdChannel,
    CanFill,
    CaseReason,
    EmploymentForm,
    HiringRoute,
    RequirementKind,
    TemporaryBasis,
)
from lim.recruitment.styrk import occupations


class CaseOpenForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Unit"), empty_label=_("Choose…")
    )
    title = forms.CharField(label=_("Title of the position"), max_length=200)
    reason = forms.ChoiceField(
        label=_("Reason for the need"), choices=CaseReason.choices, widget=forms.RadioSelect
    )
    desired_start = forms.DateField(label=_("Desired start"), required=False, widget=DateInput())

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units


class NavCheckpointForm(forms.Form):
    can_target_group_fill = forms.ChoiceField(
        label=_("Can a person with a disability or a gap in the CV fill the need?"),
        choices=CanFill.choices,
        widget=forms.RadioSelect,
    )
    ask_nav = yes_no_field(_("Ask NAV for candidates?"))
    reason = forms.CharField(label=_("Why or why not"), widget=text_area())
    route = forms.ChoiceField(label=_("Hiring route"), choices=HiringRoute.choices)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is the recruitment cancelled?"), widget=text_area(3))


def _occupation_choices() -> list[tuple[str, Any]]:
    return [("", _("Choose an occupation"))] + [
        (code, f"{code} {title}") for code, title in sorted(occupations().items())
    ]


class JobAnalysisForm(forms.Form):
    tasks = forms.CharField(label=_("Tasks"), widget=text_area(5))
    competence_profile = forms.CharField(
        label=_("Competence profile"),
        help_text=_("One line per competence; each line becomes a question in the interview."),
        widget=text_area(5),
    )
    education_level = forms.CharField(label=_("Education level"), max_length=200, required=False)
    employment_form = forms.ChoiceField(
        label=_("Employment form"), choices=EmploymentForm.choices, widget=forms.RadioSelect
    )
    temporary_basis = forms.ChoiceField(
        label=_("Basis for a temporary position (statsansatteloven § 9)"),
        choices=[("", _("Not temporary")), *TemporaryBasis.choices],
        required=False,
    )
    temporary_start = forms.DateField(label=_("Temporary from"), required=False, widget=DateInput())
    temporary_end = forms.DateField(label=_("Temporary until"), required=False, widget=DateInput())
    fte_percent = forms.IntegerField(
        label=_("Percentage of full time"), min_value=1, max_value=100, initial=100
    )
    reduced_percentage_possible = forms.BooleanField(
        label=_("A reduced percentage is possible"), required=False
    )
    location = forms.CharField(label=_("Place of work"), max_length=200, required=False)
    salary_min = forms.IntegerField(
        label=_("Salary from (NOK a year)"), min_value=0, required=False
    )
    salary_max = forms.IntegerField(label=_("Salary to (NOK a year)"), min_value=0, required=False)
    occupation_code = forms.ChoiceField(label=_("Occupation (STYRK-08)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["occupation_code"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _occupation_choices()


class RequirementForm(forms.Form):
    text = forms.CharField(label=_("Requirement"), max_length=300)
    # An empty first choice keeps an unused extra row unchanged, so the formset skips it.
    kind = forms.ChoiceField(
        label=_("Must or should"), choices=[("", _("Choose…")), *RequirementKind.choices]
    )
    justification = forms.CharField(label=_("Why the job needs it"), widget=text_area(2))


RequirementFormSet = forms.formset_factory(RequirementForm, extra=3, can_delete=True)


class AdForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=text_area(18))
    deadline = forms.DateField(
        label=_("Deadline for applications"), required=False, widget=DateInput()
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"), choices=AdChannel.choices, widget=forms.CheckboxSelectMultiple
    )
    questions = forms.CharField(
        label=_("Questions for applicants"),
        help_text=_(
            "One question per line, at most ten. Each becomes a field in the application "
            "form. Ask only what the job analysis makes relevant."
        ),
        widget=text_area(4),
        required=False,
    )
    answers_required = forms.BooleanField(
        label=_("Applicants must answer every question"), required=False
    )

    def clean_questions(self) -> list[str]:
        return [line for line in self.cleaned_data["questions"].splitlines() if line.strip()]


class NavPayloadForm(forms.Form):
    """The employer's address, which NAV requires; filled in from the organisation's
    settings when they have it."""

    postal_code = forms.RegexField(
        label=_("Employer's postal code"), regex=r"^\d{4}$", max_length=4
    )
    city = forms.CharField(label=_("Postal town"), max_length=100, required=False)
