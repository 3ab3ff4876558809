"""Forms for the recommendation, the decision, the offer, the hire and onboarding."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lim.core.models import User
from lim.recruitment.forms.widgets import DateInput, text_area, yes_no_field
from lim.recruitment.models import Application


class RankingForm(forms.Form):
    application = forms.ModelChoiceField(
        queryset=Application.objects.none(), label=_("Candidate"), required=False
    )
    justification = forms.CharField(
        label=_("Justification against the requirements"), widget=text_area(3), required=False
    )

    def __init__(
        self,
        *args: Any,
        candidates: QuerySet[Application],
        label: Callable[[Application], str] = str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["application"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = candidates
        field.label_from_instance = label  # type: ignore[method-assign,assignment]  # a code in blind mode


class BaseRankingFormSet(forms.BaseFormSet):  # type: ignore[type-arg]  # formsets are not generic at runtime
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        for form in self.forms:
            data = form.cleaned_data
            if data.get("application") and not (data.get("justification") or "").strip():
                form.add_error("justification", _("Justify the ranking against the requirements."))


class RecommendationForm(forms.Form):
    comment = forms.CharField(
        label=_("Your assessment of the applicants from the target groups"),
        help_text=_("Required when applicants from the target groups applied (SEL-REC-COUNTS)."),
        widget=text_area(4),
        required=False,
    )


class UnionRemarkForm(forms.Form):
    text = forms.CharField(label=_("Remark"), widget=text_area(4))


class DecisionForm(forms.Form):
    chosen = forms.ModelChoiceField(
        queryset=Application.objects.none(), label=_("Chosen candidate")
    )
    text = forms.CharField(label=_("Decision"), widget=text_area(4))

    def __init__(
        self,
        *args: Any,
        candidates: QuerySet[Application],
        label: Callable[[Application], str] = str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["chosen"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = candidates
        field.label_from_instance = label  # type: ignore[method-assign,assignment]  # a code in blind mode


class OfferForm(forms.Form):
    terms = forms.CharField(label=_("Terms of the offer"), widget=text_area(6))


class OfferResponseForm(forms.Form):
    accepted = yes_no_field(_("Did the candidate accept the offer?"))


class HireForm(forms.Form):
    start_date = forms.DateField(label=_("Start date"), widget=DateInput())
    end_date = forms.DateField(
        label=_("End date (temporary positions)"), required=False, widget=DateInput()
    )


class OnboardingPlanForm(forms.Form):
    buddy = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Buddy or mentor"), required=False
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["buddy"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people
