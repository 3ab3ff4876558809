"""Access by role and unit: a missing object and a forbidden one look the same (404)."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse

from lim.core.access import get_unit_for_user, roles_in_unit, unit_ids_for_user
from tests.conftest import World, client_for


def test_role_in_unit_covers_units_below(world: World) -> None:
    visible = unit_ids_for_user(world.manager)
    assert visible == {world.branch.id, world.leaf.id}
    assert roles_in_unit(world.manager, world.leaf) == {"hiring_manager"}


def test_user_without_role_in_unit_gets_404_for_it(world: World) -> None:
    url = reverse("core:unit_detail", kwargs={"unit_id": world.branch.id})
    assert client_for(world.outsider).get(url).status_code == 404
    assert client_for(world.manager).get(url).status_code == 200


def test_unknown_unit_and_forbidden_unit_give_same_answer(world: World) -> None:
    client = client_for(world.outsider)
    forbidden = client.get(reverse("core:unit_detail", kwargs={"unit_id": world.branch.id}))
    missing = client.get(reverse("core:unit_detail", kwargs={"unit_id": uuid.uuid4()}))
    assert forbidden.status_code == missing.status_code == 404
    strip = lambda r: re.sub(rb'value="[^"]{40,}"', b"", r.content)  # noqa: E731 - CSRF tokens differ
    assert strip(forbidden) == strip(missing)


def test_inactive_user_sees_nothing(world: World) -> None:
    world.manager.is_active = False
    world.manager.save()
    assert unit_ids_for_user(world.manager) == set()


def test_access_helper_rejects_malformed_id(world: World) -> None:
    from django.http import Http404

    with pytest.raises(Http404):
        get_unit_for_user(world.admin, "not-a-uuid")


@pytest.mark.parametrize("name", ["core:organisation_settings", "core:user_list", "core:audit_log"])
def test_admin_pages_are_404_for_non_administrators(world: World, name: str) -> None:
    url = reverse(name, kwargs={"organisation_id": world.organisation.id})
    assert client_for(world.manager).get(url).status_code == 404
    assert client_for(world.admin).get(url).status_code == 200


def test_pages_require_login(world: World, client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("core:unit_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


def test_unit_list_shows_only_own_units(world: World) -> None:
    page = client_for(world.manager).get(reverse("core:unit_list")).content.decode()
    assert "Avdeling A" in page and "Seksjon A1" in page
    assert "Avdeling B" not in page


def test_wrong_method_is_refused(world: World) -> None:
    url = reverse("core:unit_detail", kwargs={"unit_id": world.branch.id})
    assert client_for(world.manager).post(url).status_code == 405
