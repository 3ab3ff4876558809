"""The error summary names the field: 'Label: error', or 'Question? Error' for a question."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string
from django.utils import translation


class _Form(forms.Form):
    fill = forms.CharField(label="Kan målgruppene dekke behovet?")
    title = forms.CharField(label="Stillingstittel")


def test_a_question_label_is_not_followed_by_a_colon() -> None:
    with translation.override("nb"):
        html = render_to_string("includes/form_errors.html", {"form": _Form({})})
    assert "behovet?:" not in html
    assert ">Kan målgruppene dekke behovet? Feltet er påkrevet.</a>" in html
    assert ">Stillingstittel: Feltet er påkrevet.</a>" in html
