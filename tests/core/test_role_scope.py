"""An administrator gives roles to users of their own organisation only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lim.core import services
from lim.core.errors import DomainError
from lim.core.models import Role, RoleAssignment, User
from tests.conftest import World, client_for, make_user


@pytest.fixture
def foreigner(world: World) -> User:
    other = services.organisation_create(
        actor=None, name="Andreetaten", org_number="974760673", sector="state"
    )
    unit = services.unit_create(actor=None, organisation=other, name="Andreetaten")
    user = make_user("fremmed@andre.example", "Frida Fremmed")
    services.role_assign(actor=None, user=user, unit=unit, role=Role.HR_ADVISER)
    return user


def test_the_role_form_lists_only_users_of_the_organisation(world: World, foreigner: User) -> None:
    newcomer = make_user("ny@test.example", "Nils Nybegynner")
    url = reverse("core:user_list", kwargs={"organisation_id": world.organisation.id})
    page = client_for(world.admin).get(url).content.decode()
    assert "Frida Fremmed" not in page
    assert f'value="{newcomer.pk}"' in page  # no role anywhere yet: can be given one
    assert f'value="{world.outsider.pk}"' in page


def test_posting_a_user_of_another_organisation_is_refused(world: World, foreigner: User) -> None:
    url = reverse("core:user_list", kwargs={"organisation_id": world.organisation.id})
    response = client_for(world.admin, "en").post(
        url, {"user": foreigner.pk, "unit": world.leaf.pk, "role": Role.ADMINISTRATOR}
    )
    assert response.status_code == 200
    assert 'href="#id_user"' in response.content.decode()
    assert not RoleAssignment.objects.filter(user=foreigner, unit=world.leaf).exists()


def test_the_service_refuses_a_user_of_another_organisation(world: World, foreigner: User) -> None:
    with pytest.raises(DomainError) as error:
        services.role_assign(
            actor=world.admin, user=foreigner, unit=world.leaf, role=Role.HR_ADVISER
        )
    assert error.value.field == "user"
    assert not RoleAssignment.objects.filter(user=foreigner, unit=world.leaf).exists()
