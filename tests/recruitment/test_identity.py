"""The one decision of how an applicant is shown: by role, purpose and moment."""

from __future__ import annotations

from django.utils import translation

from lim.recruitment.identity import identity_for
from lim.recruitment.models import Application, RecruitmentCase
from tests.recruitment.conftest import People, apply, published_case


def _blind_case(people: People) -> tuple[RecruitmentCase, Application]:
    """A case with one applicant, in an organisation blind until the recommendation."""
    case = published_case(people)
    application = apply(case, "Sofie Dahl")
    people.world.organisation.blind_screening_until = "recommendation"
    people.world.organisation.save()
    return case, application


def test_blind_screening_hides_names_from_everyone_except_hr_on_the_public_list(
    people: People,
) -> None:
    case, application = _blind_case(people)
    code = f"Applicant {str(application.id)[:8].upper()}"
    with translation.override("en"):
        for user in (people.manager, people.hr, people.coordinator, people.union, people.council):
            identity = identity_for(user, case)
            assert identity.hidden and identity.forced
            assert identity.label(application) == code
            assert identity.sort_field == "id"
            assert identity.text("Hilsen Sofie", application) == f"Hilsen {code}"
    assert identity_for(people.hr, case, purpose="public_list").label(application) == "Sofie Dahl"
    assert identity_for(people.manager, case, purpose="public_list").hidden


def test_names_return_when_blind_screening_ends_and_blind_mode_can_be_chosen(
    people: People,
) -> None:
    case, application = _blind_case(people)
    RecruitmentCase.objects.filter(pk=case.pk).update(step="recommendation")
    case.refresh_from_db()
    identity = identity_for(people.manager, case)
    assert not identity.hidden and identity.label(application) == "Sofie Dahl"
    chosen = identity_for(people.manager, case, chosen_blind=True)
    assert chosen.hidden and not chosen.forced
