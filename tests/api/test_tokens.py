"""API tokens expire, can be listed and revoked from the command line, and each user
sees and revokes their own on a page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lim.api.models import ApiToken
from lim.api.tokens import api_token_create, user_for_token
from lim.core.errors import DomainError
from lim.core.models import AuditEvent
from tests.conftest import client_for
from tests.recruitment.conftest import People

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _bearer(plain: str) -> Client:
    return Client(headers={"authorization": f"Bearer {plain}"})


def test_a_token_expires_after_90_days_by_default(people: People) -> None:
    token, plain = api_token_create(actor=None, user=people.hr, name="HR-system", now=NOW)
    assert token.expires_at == NOW + dt.timedelta(days=90)
    assert user_for_token(plain, now=NOW + dt.timedelta(days=89)) == people.hr
    assert user_for_token(plain, now=NOW + dt.timedelta(days=90)) is None


def test_an_expired_token_gets_401(people: People) -> None:
    past = timezone.now() - dt.timedelta(days=3)
    _token, plain = api_token_create(
        actor=None, user=people.hr, name="Gammel", valid_days=2, now=past
    )
    assert _bearer(plain).get("/api/cases").status_code == 401
    _token, fresh = api_token_create(actor=None, user=people.hr, name="Ny", valid_days=2)
    assert _bearer(fresh).get("/api/cases").status_code == 200


@pytest.mark.parametrize("days", [0, -1, 731])
def test_the_validity_must_be_between_one_day_and_two_years(people: People, days: int) -> None:
    with pytest.raises(DomainError) as error:
        api_token_create(actor=None, user=people.hr, name="x", valid_days=days)
    assert error.value.field == "valid_days"
    assert not ApiToken.objects.exists()


def test_token_command_creates_lists_and_revokes(people: People) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "token", "create", user="hr@test.example", name="Lønn", days=30, stdout=out, stderr=err
    )
    plain = out.getvalue().strip()
    assert "valid until" in err.getvalue()
    token = ApiToken.objects.get()
    assert token.expires_at is not None
    assert dt.timedelta(days=29) < token.expires_at - timezone.now() <= dt.timedelta(days=30)

    listing = io.StringIO()
    call_command("token", "list", user="HR@test.example", stdout=listing)
    assert str(token.id) in listing.getvalue()
    assert "Lønn" in listing.getvalue() and "active" in listing.getvalue()

    call_command("token", "revoke", str(token.id), stderr=io.StringIO())
    assert _bearer(plain).get("/api/cases").status_code == 401
    listing = io.StringIO()
    call_command("token", "list", user="hr@test.example", stdout=listing)
    assert "revoked" in listing.getvalue()
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == 1


def test_token_command_refuses_unknown_tokens_and_users(people: People) -> None:
    with pytest.raises(CommandError):
        call_command("token", "revoke", "not-a-uuid")
    with pytest.raises(CommandError):
        call_command("token", "revoke", "00000000-0000-0000-0000-000000000000")
    with pytest.raises(CommandError):
        call_command("token", "list", user="nobody@test.example")
    with pytest.raises(CommandError):
        call_command("token", "create", user="hr@test.example", name="x", days=0)


def test_createtoken_still_works_with_days(people: People) -> None:
    out = io.StringIO()
    call_command(
        "createtoken", user="hr@test.example", name="Gml", days=7, stdout=out, stderr=io.StringIO()
    )
    assert out.getvalue().strip().startswith("lim_")
    assert ApiToken.objects.get().expires_at is not None


def test_the_token_page_shows_own_tokens_only(people: People) -> None:
    api_token_create(actor=None, user=people.hr, name="HR-system", now=NOW)
    api_token_create(actor=None, user=people.council, name="Rådets token")
    page = client_for(people.hr, "en").get(reverse("api_tokens:token_list"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "HR-system" in html
    assert "Rådets token" not in html
    assert "Never" in html  # last used
    assert "05/31/2026" in html  # expires: 2 March + 90 days


def test_a_user_revokes_their_token_on_the_page(people: People) -> None:
    token, plain = api_token_create(actor=None, user=people.hr, name="HR-system")
    client = client_for(people.hr, "en")
    url = reverse("api_tokens:token_revoke", kwargs={"token_id": token.pk})
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "The token is revoked and no longer works." in response.content.decode()
    assert "Revoked" in response.content.decode()
    assert _bearer(plain).get("/api/cases").status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoke", actor=people.hr).exists()


def test_nobody_revokes_someone_elses_token(people: People) -> None:
    token, plain = api_token_create(actor=None, user=people.hr, name="HR-system")
    url = reverse("api_tokens:token_revoke", kwargs={"token_id": token.pk})
    assert client_for(people.council).post(url).status_code == 404
    assert Client().post(url).status_code == 302  # to the login page
    assert Client().get(reverse("api_tokens:token_list")).status_code == 302
    token.refresh_from_db()
    assert not token.revoked
    assert _bearer(plain).get("/api/cases").status_code == 200
