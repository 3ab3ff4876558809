"""What forms show users: select boxes start with a meaningful, translated choice (never
Django's '---------'), and labels and help texts name rules by title, not by code."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms
from django.utils import translation

from lim.core.forms import OrganisationSettingsForm
from lim.rules.registry import RULES

FORM_MODULES = ["lim.core.forms", "lim.equality.forms", "lim.portal.forms"] + [
    f"lim.recruitment.forms.{m.name}"
    for m in pkgutil.iter_modules(importlib.import_module("lim.recruitment.forms").__path__)
]


def _fields() -> list[tuple[str, forms.Field]]:
    found = []
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for form_name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == name:
                found += [(f"{form_name}.{f}", field) for f, field in form.base_fields.items()]
    return found


def _first_choices() -> list[tuple[str, str]]:
    found = []
    for where, field in _fields():
        if isinstance(field, forms.ModelMultipleChoiceField):
            continue
        if isinstance(field, forms.ModelChoiceField):
            found.append((where, str(field.empty_label)))
        elif isinstance(field, forms.ChoiceField) and list(field.choices):
            found.append((where, str(next(iter(field.choices))[1])))
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


def test_no_label_or_help_text_shows_a_rule_code() -> None:
    codes = {rule.id for rule in RULES}
    shown = []
    for lang in ("nb", "nn", "en"):
        with translation.override(lang):
            for where, field in _fields():
                text = f"{field.label} {field.help_text}"
                shown += [(where, code) for code in codes if code in text]
    assert shown == []
