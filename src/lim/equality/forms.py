from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lim.equality.models import EqualityStatement, StatementAreaText

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class WorkforceImportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    workforce = forms.FileField(
        label=_("Workforce file"),
        help_text=_("CSV or XLSX with one row per employee, as the HR system exports it."),
    )
    applications = forms.FileField(
        label=_("Applications file (optional)"),
        required=False,
        help_text=_("Only needed when the year's recruitments were not run in LIM."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["workforce"].widget.attrs["accept"] = ".csv,.xlsx,text/csv"
        self.fields["applications"].widget.attrs["accept"] = ".csv,.xlsx,text/csv"


class StatementTextForm(forms.ModelForm[EqualityStatement]):
    class Meta:
        model = EqualityStatement
        fields = ["principles", "how_we_work"]
        widgets = {
            "principles": forms.Textarea(attrs={"rows": 6}),
            "how_we_work": forms.Textarea(attrs={"rows": 6}),
        }


class AreaTextForm(forms.ModelForm[StatementAreaText]):
    class Meta:
        model = StatementAreaText
        fields = ["risks", "causes", "measures", "results"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
