"""Validators for Norwegian identifiers (pure functions plus Django wrappers)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def is_valid_org_number(value: str) -> bool:
    """Brønnøysund organisation number: 9 digits, the last a mod-11 check digit."""
    if len(value) != 9 or not value.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], ORG_NUMBER_WEIGHTS, strict=True))
    remainder = total % 11
    check = 0 if remainder == 0 else 11 - remainder
    # A computed check digit of 10 means no valid number exists with these 8 digits.
    return check != 10 and check == int(value[8])


def validate_org_number(value: str) -> None:
    if not is_valid_org_number(value):
        raise ValidationError(
            _("Enter a valid organisation number: 9 digits with a correct check digit."),
            code="invalid_org_number",
        )
