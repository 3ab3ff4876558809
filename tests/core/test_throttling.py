"""Guessing passwords and flooding someone with reset e-mails are stopped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.db.models import F
from django.test import Client
from django.urls import reverse

from lim.core.throttling import password_reset_allowed
from tests.conftest import PASSWORD, World
from tests.worker import run_queued_tasks

NOW = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)


def _login(client: Client, email: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post(
        reverse("core:login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(
    world: World, settings: Any
) -> None:
    client = Client(headers={"accept-language": "en"})
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, world.manager.email, "wrong-guess").status_code == 200
    assert _login(client, world.manager.email, "last-guess").status_code == 429

    response = _login(client, world.manager.email, PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Logging in is paused" in page
    assert "15 minutes" in page
    assert 'lang="en"' in page
    assert client.get(reverse("core:home")).status_code == 302  # not logged in


def test_the_account_is_locked_also_when_the_guesses_come_from_many_addresses(
    world: World, settings: Any
) -> None:
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), world.manager.email.upper(), "wrong", address=f"10.0.1.{attempt}")

    response = _login(Client(), world.manager.email, PASSWORD, address="10.9.9.9")

    assert response.status_code == 429


def test_the_lockout_page_is_translated(world: World, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), world.manager.email, "wrong")
    for lang, text in (
        ("nb", "Innlogging er satt på pause"),
        ("nn", "Innlogging er sett på pause"),
    ):
        page = _login(Client(headers={"accept-language": lang}), world.manager.email, "x")
        assert text in page.content.decode()


def test_a_few_mistakes_then_the_right_password_logs_in(world: World, settings: Any) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, world.manager.email, "wrong")
    assert _login(client, world.manager.email, PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(world: World, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), world.manager.email, "wrong")
    assert _login(Client(), world.manager.email, PASSWORD).status_code == 429
    # django-axes reads the clock itself: move the failures back instead.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    )
    assert _login(Client(), world.manager.email, PASSWORD).status_code == 302


def test_locking_one_account_leaves_another_alone(world: World, settings: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), world.manager.email, "wrong")
    assert _login(Client(), world.admin.email, PASSWORD).status_code == 302


def test_client_login_in_tests_still_works(world: World) -> None:
    client = Client()
    assert client.login(username=world.manager.email, password=PASSWORD)


def _ask_reset(email: str, address: str = "10.0.0.1") -> Any:
    return Client().post(reverse("core:password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_reset_emails_to_one_account_are_limited_and_the_page_does_not_tell(
    world: World, settings: Any
) -> None:
    answers = [
        _ask_reset(world.manager.email, address=f"10.0.2.{n}")
        for n in range(settings.LIM_PASSWORD_RESETS_PER_ACCOUNT + 5)
    ]
    run_queued_tasks()

    assert len(mail.outbox) == settings.LIM_PASSWORD_RESETS_PER_ACCOUNT
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, reverse("core:password_reset_done"))
    }


def test_reset_requests_from_one_address_are_limited(world: World, settings: Any) -> None:
    settings.LIM_PASSWORD_RESETS_PER_CLIENT = 2
    for n in range(4):
        _ask_reset(f"nobody{n}@test.example")
    _ask_reset(world.manager.email)
    run_queued_tasks()
    assert mail.outbox == []
    _ask_reset(world.manager.email, address="10.0.0.2")
    run_queued_tasks()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_reset_limit_is_a_sliding_window(settings: Any) -> None:
    settings.LIM_PASSWORD_RESETS_PER_ACCOUNT = 2
    ask = {"email": "Ada@Test.example", "client_ip": "10.0.0.1"}
    assert password_reset_allowed(**ask, now=NOW)
    assert password_reset_allowed(**ask, now=NOW + dt.timedelta(minutes=1))
    assert not password_reset_allowed(
        email="ada@test.example", client_ip="10.0.0.9", now=NOW + dt.timedelta(minutes=2)
    )
    assert password_reset_allowed(**ask, now=NOW + dt.timedelta(minutes=61))


def test_behind_a_proxy_the_forwarded_client_address_is_counted(
    world: World, settings: Any
) -> None:
    settings.LIM_TRUSTED_PROXIES = 1
    for _ in range(2):
        Client().post(
            reverse("core:login"),
            {"username": world.manager.email, "password": "wrong"},
            REMOTE_ADDR="10.0.0.254",  # the proxy
            HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9",
        )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.9"]
