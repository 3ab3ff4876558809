"""WCAG 2.1 AA on the pages the hardening added: the lockout page and the API token page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lim.api.tokens import api_token_create
from lim.core.demo import demo_load
from lim.core.models import User
from tests.e2e.test_accessibility import LANGS, _assert_no_violations, _log_in, _set_language


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_lockout_page_has_no_axe_violations(page, lang: str, settings: Any) -> None:  # type: ignore[no-untyped-def]
    settings.AXES_FAILURE_LIMIT = 3
    demo_load()
    _set_language(page, lang)
    for _ in range(3):
        page.goto(reverse("core:login"))
        page.fill("input[name=username]", "admin@fjordvik.example")
        page.fill("input[name=password]", "wrong")
        page.click("main button[type=submit]")
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("a[href='/passord/glemt/']").count() >= 1
    _assert_no_violations(page, f"lockout [{lang}]")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_token_page_has_no_axe_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    admin = User.objects.get(email="admin@fjordvik.example")
    api_token_create(actor=None, user=admin, name="Lønnssystem")
    revoked, _plain = api_token_create(actor=None, user=admin, name="Gammel")
    revoked.revoked = True
    revoked.save()
    _set_language(page, lang)
    _log_in(page, "admin@fjordvik.example")
    response = page.goto(reverse("api_tokens:token_list"))
    assert response is not None and response.status == 200
    assert page.locator("tbody tr").count() == 2
    _assert_no_violations(page, f"token page [{lang}]")
    page.click("tbody button[type=submit]")
    assert page.locator("tbody button[type=submit]").count() == 0
    _assert_no_violations(page, f"token page after revoking [{lang}]")
