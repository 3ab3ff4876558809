"""Every model that may hold personal data says how it is purged (lim.core.personal_data).

A new model with a name, an address or free text fails here until it is registered, so
retention and withdrawal cannot silently leave its rows behind."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from lim.core.personal_data import Purge, declared_not_personal, register, registration

# Field names that usually mean data about a person, or free text that may hold it.
LOOKS_PERSONAL = re.compile(
    r"name|e_?mail|phone|birth|address|postal|municipality|reason|note|text|comment|"
    r"justification|answer|letter|education|experience|remark|terms|occupation|referee|"
    r"contact|session_data|args_kwargs|entries"
)

# Declared: models that certainly hold an applicant's data and must be purged with them.
APPLICANT_DATA = {
    "recruitment.Application",
    "recruitment.TargetGroupDeclaration",
    "recruitment.Assessment",
    "recruitment.Interview",
    "recruitment.InterviewScore",
    "recruitment.ReferenceCheck",
    "recruitment.RankedCandidate",
    "recruitment.Offer",
    "recruitment.Decision",
    "recruitment.UnionRemark",
    "recruitment.Recommendation",
    "portal.PortalSubmission",
    "portal.ApplicationDocument",
    "portal.AccessToken",
    "portal.ApplicantListPublication",
}

TEXT_LIKE = (models.CharField, models.TextField, models.JSONField, models.DateField)
TEXT_LIKE += (models.FileField, models.BinaryField)


def _looks_personal(model: type[models.Model]) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)
        and not field.is_relation
        and isinstance(field, TEXT_LIKE)
        and LOOKS_PERSONAL.search(field.name)
    ]


def test_every_model_that_looks_personal_says_how_it_is_purged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    missing = {
        model._meta.label: fields
        for model in apps.get_models()
        if (fields := _looks_personal(model))
        and registration(model) is None
        and not declared_not_personal(model)
    }
    assert missing == {}, "register these in lim.core.personal_data (AppConfig.ready)"

    # Without its registration, the career site's submission would be reported.
    from lim.core import personal_data
    from lim.portal.models import PortalSubmission

    monkeypatch.delitem(personal_data._REGISTRY, PortalSubmission)
    assert "postal_code" in _looks_personal(PortalSubmission)
    assert registration(PortalSubmission) is None


def test_applicant_data_is_deleted_or_anonymised_with_the_application() -> None:
    for label in APPLICANT_DATA:
        found = registration(apps.get_model(label))
        assert found is not None, label
        assert found.purge in (Purge.DELETE, Purge.ANONYMISE), label
        assert found.applicant or found.case, label


@isolate_apps("lim.core")
def test_the_heuristic_catches_an_unregistered_model() -> None:
    class Stray(models.Model):
        contact_phone = models.CharField(max_length=30)

        class Meta:
            app_label = "core"

        def __str__(self) -> str:
            return self.contact_phone

    assert _looks_personal(Stray) == ["contact_phone"]
    assert registration(Stray) is None and not declared_not_personal(Stray)


def test_a_registration_with_a_typo_or_no_owner_fails_at_start_up() -> None:
    from django.core.exceptions import FieldDoesNotExist

    from lim.recruitment.models import Application

    with pytest.raises(FieldDoesNotExist):
        register(Application, applicant="pk", purge=Purge.DELETE, fields=("emial",))
    with pytest.raises(ValueError):
        register(Application, purge=Purge.DELETE, fields=("email",))
    with pytest.raises(ValueError):
        register(Application, purge=Purge.OWN_RULE, fields=("email",))
    assert registration(Application) is not None
    assert registration(Application).purge is Purge.ANONYMISE  # type: ignore[union-attr]
