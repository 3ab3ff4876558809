from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lim.core.models import Organisation, Role, Unit, User
from lim.core.selectors import users_assignable


class OrganisationSettingsForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "org_number",
            "sector",
            "written_standard",
            "staff_regulations_allow_12_months",
            "require_nav_checkpoint",
            "diversity_statement",
            "postal_code",
            "postal_town",
            "retention_days_not_interviewed",
            "retention_days_interviewed",
            "blind_screening_until",
            "min_group_size",
            "applicant_list_wait_days",
        ]
        help_texts = {
            "org_number": _(
                "Nine digits, as in the Central Coordinating Register (Enhetsregisteret)."
            ),
            "sector": _(
                "Rules of the Civil Service Act that apply to the state only are advice in "
                "other sectors."
            ),
            "min_group_size": _("Figures about fewer people than this are hidden. Never below 3."),
            "applicant_list_wait_days": _(
                "Counted from when an applicant is told that their request to be left off "
                "the public applicant list is refused, so they can withdraw first."
            ),
            "blind_screening_until": _(
                "While blind, the screening hides name, gender, age, address and contact "
                "details, and nobody can turn it off."
            ),
        }
        widgets = {"diversity_statement": forms.Textarea(attrs={"rows": 5})}


class RoleAssignForm(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label=_("User"))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Unit"))
    role = forms.ChoiceField(choices=Role.choices, label=_("Role"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user_field = self.fields["user"]
        unit_field = self.fields["unit"]
        assert isinstance(user_field, forms.ModelChoiceField)
        assert isinstance(unit_field, forms.ModelChoiceField)
        user_field.queryset = users_assignable(organisation=organisation)
        unit_field.queryset = Unit.objects.filter(organisation=organisation).order_by("name")


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=100)
    # A user choice, so the URL carries an opaque id and never an e-mail address.
    actor = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Actor"), required=False)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actor_field = self.fields["actor"]
        assert isinstance(actor_field, forms.ModelChoiceField)
        actor_field.queryset = (
            User.objects.filter(role_assignments__unit__organisation=organisation)
            .distinct()
            .order_by("full_name")
        )
