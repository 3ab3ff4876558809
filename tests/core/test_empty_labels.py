"""Select boxes start with a meaningful, translated choice, never Django's '---------'."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms
from django.utils import translation

from lim.core.forms import OrganisationSettingsForm

FORM_MODULES = ["lim.core.forms", "lim.equality.forms", "lim.portal.forms"] + [
    f"lim.recruitment.forms.{m.name}"
    for m in pkgutil.iter_modules(importlib.import_module("lim.recruitment.forms").__path__)
]


def _first_choices() -> list[tuple[str, str]]:
    found = []
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for form_name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != name:
                continue
            for field_name, field in form.base_fields.items():
                if isinstance(field, forms.ModelMultipleChoiceField):
                    continue
                if isinstance(field, forms.ModelChoiceField):
                    found.append((f"{form_name}.{field_name}", str(field.empty_label)))
                elif isinstance(field, forms.ChoiceField) and list(field.choices):
                    found.append((f"{form_name}.{field_name}", str(next(iter(field.choices))[1])))
    return found


def test_no_select_offers_dashes() -> None:
    with translation.override("nb"):
        found = _first_choices()
    # The sector comes from the model; its first choice is set per form, tested below.
    dashes = [
        w for w, label in found if label == "---------" and w != "OrganisationSettingsForm.sector"
    ]
    assert dashes == []


def test_the_sector_starts_with_choose() -> None:
    with translation.override("nb"):
        html = str(OrganisationSettingsForm()["sector"])
    assert "---------" not in html
    assert '<option value="" selected>Velg …</option>' in html
