import pytest

from lim.core.validators import is_valid_org_number


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("974760673", True),  # Brønnøysundregistrene
        ("991000003", True),  # the demo organisation
        ("974760674", False),  # wrong check digit
        ("97476067", False),  # too short
        ("9747606730", False),  # too long
        ("97476067a", False),  # not digits
        ("991000020", False),  # check digit would be 10: no valid number with these digits
    ],
)
def test_organisation_number_mod11(value: str, valid: bool) -> None:
    assert is_valid_org_number(value) is valid
