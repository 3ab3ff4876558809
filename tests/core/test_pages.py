"""Pages render in every language, with the right <html lang>, and the basics work."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.test import Client
from django.urls import reverse

from lim.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_load
from tests.conftest import World, client_for
from tests.worker import run_queued_tasks

LANGS = ["nb", "nn", "en"]
LOG_OUT = {"nb": "Logg ut", "nn": "Logg ut", "en": "Log out"}
SKIP = {
    "nb": "Hopp til hovedinnholdet",
    "nn": "Hopp til hovudinnhaldet",
    "en": "Skip to main content",
}


def _internal_urls(world: World) -> list[str]:
    org = {"organisation_id": world.organisation.id}
    return [
        reverse("core:home"),
        reverse("core:unit_list"),
        reverse("core:unit_detail", kwargs={"unit_id": world.leaf.id}),
        reverse("core:organisation_settings", kwargs=org),
        reverse("core:user_list", kwargs=org),
        reverse("core:audit_log", kwargs=org),
    ]


PUBLIC_URLS = [
    "core:login",
    "core:password_reset",
    "core:password_reset_done",
    "core:password_reset_complete",
]


@pytest.mark.parametrize("lang", LANGS)
def test_every_internal_page_renders_in_each_language(world: World, lang: str) -> None:
    client = client_for(world.admin, lang)
    for url in _internal_urls(world):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert f'<html lang="{lang}">' in page, url
        assert SKIP[lang] in page, url
        assert LOG_OUT[lang] in page, url


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_every_public_page_renders_in_each_language(db: None, lang: str, name: str) -> None:
    response = Client(headers={"accept-language": lang}).get(reverse(name))
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_language_switcher_changes_language(db: None) -> None:
    client = Client()
    response = client.post(
        reverse("set_language"), {"language": "nn", "next": reverse("core:login")}
    )
    assert response.status_code == 302
    page = client.get(reverse("core:login")).content.decode()
    assert '<html lang="nn">' in page
    assert "Logg inn i LIM" in page


def test_bokmal_is_the_default(db: None) -> None:
    page = Client().get(reverse("core:login")).content.decode()
    assert '<html lang="nb">' in page


def test_healthz_reports_database(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_database_is_down(db: None) -> None:
    with mock.patch("lim.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = Client().get("/healthz")
    assert response.status_code == 503


def test_security_headers(db: None) -> None:
    response = Client().get(reverse("core:login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_in_pages(world: World) -> None:
    page = client_for(world.admin).get(reverse("core:home")).content.decode()
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, re.S)
    assert scripts and all(body.strip() == "" for body in scripts)


@pytest.mark.parametrize("spec", DEMO_USERS, ids=lambda s: s.role.value)
def test_each_demo_role_can_log_in(db: None, spec) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    client = Client()
    response = client.post(
        reverse("core:login"), {"username": spec.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    home = client.get(reverse("core:home"))
    assert home.status_code == 200
    assert spec.full_name.split()[0] in home.content.decode()


def test_wrong_password_shows_error_and_does_not_log_in(db: None) -> None:
    demo_load()
    client = Client(headers={"accept-language": "en"})
    response = client.post(
        reverse("core:login"), {"username": DEMO_USERS[0].email, "password": "wrong"}
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302


def test_logout_is_post_only_and_logs_out(world: World) -> None:
    client = client_for(world.manager)
    assert client.get(reverse("core:logout")).status_code == 405
    client.post(reverse("core:logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_password_reset_sends_link_that_sets_a_new_password(world: World) -> None:
    client = Client()
    client.post(reverse("core:password_reset"), {"email": world.manager.email})
    run_queued_tasks()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.manager.email]
    link = re.search(r"https?://[^/]+(/passord/ny/\S+)", mail.outbox[0].body)
    assert link is not None
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-2026", "new_password2": "a-new-long-password-2026"},
    )
    assert response.status_code == 302
    world.manager.refresh_from_db()
    assert world.manager.check_password("a-new-long-password-2026")


def test_password_reset_for_unknown_address_sends_nothing(db: None) -> None:
    response = Client().post(reverse("core:password_reset"), {"email": "nobody@test.example"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize("lang", LANGS)
def test_demo_equality_pages_render_in_each_language(db: None, lang: str) -> None:
    from lim.core.models import Organisation

    demo_load(today=dt.date(2026, 12, 3))  # statements 2024, 2025
    organisation = Organisation.objects.get()
    client = Client(headers={"accept-language": lang})
    client.post(
        reverse("core:login"),
        {"username": "likestilling@fjordvik.example", "password": DEMO_PASSWORD},
    )
    org = {"organisation_id": organisation.pk}
    for url in (
        reverse("equality:overview", kwargs=org),
        reverse("equality:import", kwargs=org),
        reverse("equality:statement", kwargs={**org, "year": 2025}),
        reverse("equality:statement_edit", kwargs={**org, "year": 2025}),
        reverse("rules"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert f'<html lang="{lang}">' in page, url
        assert LOG_OUT[lang] in page, url
    statement = client.get(
        reverse("equality:statement", kwargs={**org, "year": 2025})
    ).content.decode()
    assert {"nb": "Sammenlignet med 2024", "nn": "Samanlikna med 2024", "en": "Compared with 2024"}[
        lang
    ] in statement


def test_the_favicon_is_there(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("lim/favicon.svg")
    page = client.get(reverse("core:login")).content.decode()
    assert re.search(r'<link rel="icon" href="[^"]*lim/favicon\.svg"', page)
