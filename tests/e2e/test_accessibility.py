"""WCAG 2.1 AA: axe-core finds no violation on LIM's pages, in every language."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from lim.core.demo import DEMO_PASSWORD, demo_load
from lim.core.models import Organisation

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LANGS = ["nb", "nn", "en"]


def _set_language(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(reverse("core:login"))
    page.select_option("#language-select", lang)
    page.click(".language-switcher button")


def _assert_no_violations(page, what: str) -> None:  # type: ignore[no-untyped-def]
    results = Axe().run(page, options=AXE_OPTIONS)
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert problems == [], f"{what}: {problems}"


def _log_in(page, email: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(reverse("core:login"))
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_have_no_axe_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    _set_language(page, lang)
    for name in (
        "core:login",
        "core:password_reset",
        "core:password_reset_done",
        "rules",
        "equality:indicators",
    ):
        page.goto(reverse(name))
        assert page.locator("html").get_attribute("lang") == lang
        _assert_no_violations(page, f"{name} [{lang}]")
    # The form after a failed submission, with its error summary.
    page.goto(reverse("core:login"))
    page.fill("input[name=username]", "nobody@fjordvik.example")
    page.fill("input[name=password]", "wrong")
    page.click("main button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    _assert_no_violations(page, f"login with errors [{lang}]")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_internal_pages_have_no_axe_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    demo_load(today=dt.date(2026, 12, 3))  # statements 2024, 2025
    organisation = Organisation.objects.get()
    _set_language(page, lang)
    _log_in(page, "admin@fjordvik.example")
    org = {"organisation_id": organisation.pk}
    unit = organisation.units.get(parent__isnull=True)
    for url in (
        reverse("core:home"),
        reverse("core:unit_list"),
        reverse("core:unit_detail", kwargs={"unit_id": unit.pk}),
        reverse("core:organisation_settings", kwargs=org),
        reverse("core:user_list", kwargs=org),
        reverse("core:audit_log", kwargs=org),
        reverse("equality:overview", kwargs=org),
        reverse("equality:import", kwargs=org),
        reverse("equality:statement", kwargs={**org, "year": 2025}),
        reverse("equality:statement", kwargs={**org, "year": 2025}) + "?utvalg=intern",
        reverse("equality:statement_edit", kwargs={**org, "year": 2025}),
    ):
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("html").get_attribute("lang") == lang
        _assert_no_violations(page, f"{url} [{lang}]")


@pytest.mark.django_db(transaction=True)
def test_keyboard_user_can_skip_to_content_and_log_in(page) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    page.goto(reverse("core:login"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    page.locator("input[name=username]").focus()
    page.keyboard.type("leder@fjordvik.example")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Ingrid")


@pytest.mark.django_db(transaction=True)
def test_page_reflows_at_400_percent_zoom(page) -> None:  # type: ignore[no-untyped-def]
    # 1280 px wide at 400 % is a 320 CSS px viewport (WCAG 1.4.10 Reflow).
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(reverse("core:login"))
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
