"""The REST API: token authentication, cases, ads with the NAV payload, applications
(create, read, change status through the state machine), 404 for outsiders, the schema."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from lim.api.models import ApiToken
from lim.api.tokens import api_token_create, api_token_revoke
from lim.core.models import User
from lim.recruitment.models import Application
from tests.recruitment.conftest import People, apply, open_case, published_case


def _client(user: User) -> Client:
    _token, plain = api_token_create(actor=None, user=user, name="Test")
    return Client(headers={"authorization": f"Bearer {plain}", "accept-language": "en"})


def _json(response: Any) -> Any:
    return json.loads(response.content)


def test_token_is_required(people: People) -> None:
    case = open_case(people)
    assert Client().get("/api/cases").status_code == 401
    bad = Client(headers={"authorization": "Bearer lim_not-a-token"})
    assert bad.get(f"/api/cases/{case.id}").status_code == 401


def test_only_the_hash_is_stored_and_revoked_tokens_stop_working(people: People) -> None:
    token, plain = api_token_create(actor=None, user=people.hr, name="HR-system")
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in repr(list(ApiToken.objects.values()))
    client = Client(headers={"authorization": f"Bearer {plain}"})
    assert client.get("/api/cases").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    api_token_revoke(actor=None, token=token)
    assert client.get("/api/cases").status_code == 401


def test_createtoken_command_prints_the_token_once(people: People) -> None:
    out = io.StringIO()
    call_command(
        "createtoken", user="hr@test.example", name="Integrasjon", stdout=out, stderr=io.StringIO()
    )
    plain = out.getvalue().strip()
    assert plain.startswith("lim_")
    assert ApiToken.objects.get().token_hash == hashlib.sha256(plain.encode()).hexdigest()
    with pytest.raises(CommandError):
        call_command("createtoken", user="nobody@test.example", name="x", stdout=io.StringIO())


def test_cases_list_and_read(people: People) -> None:
    case = open_case(people)
    client = _client(people.manager)
    listed = _json(client.get("/api/cases"))
    assert [c["id"] for c in listed] == [str(case.id)]
    assert _json(client.get(f"/api/cases/{case.id}"))["step"] == "need"


def test_outsider_gets_404_everywhere(people: People) -> None:
    case = published_case(people)
    application = apply(case, "Ola Nordmann")
    client = _client(people.outsider)
    assert _json(client.get("/api/cases")) == []
    for path in (
        f"/api/cases/{case.id}",
        f"/api/cases/{case.id}/ad",
        f"/api/cases/{case.id}/ad/nav?postal_code=5003",
        f"/api/cases/{case.id}/applications",
        f"/api/cases/{case.id}/applications/{application.id}",
    ):
        assert client.get(path).status_code == 404, path
    created = client.post(
        f"/api/cases/{case.id}/applications",
        {"name": "X", "email": "x@example.org"},
        content_type="application/json",
    )
    assert created.status_code == 404
    status = client.post(
        f"/api/cases/{case.id}/applications/{application.id}/status",
        {"status": "withdrawn"},
        content_type="application/json",
    )
    assert status.status_code == 404


def test_ad_and_nav_payload(people: People) -> None:
    case = published_case(people)
    client = _client(people.union)
    ad = _json(client.get(f"/api/cases/{case.id}/ad"))
    assert ad["channels"] == ["career_site", "nav"]
    payload = _json(client.get(f"/api/cases/{case.id}/ad/nav?postal_code=5003&city=Bergen"))
    assert payload["reference"] == str(case.id)
    assert payload["properties"]["applicationdue"] == "20.03.2026"


def test_create_and_read_an_application(people: People) -> None:
    case = published_case(people)
    client = _client(people.hr)
    response = client.post(
        f"/api/cases/{case.id}/applications",
        {
            "name": "Kari Hansen",
            "email": "Kari@Example.org",
            "source": "nav",
            "nav_contact": "NAV Bergen",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    created = _json(response)
    assert created["email"] == "kari@example.org"
    assert created["status"] == "new"
    read = _json(client.get(f"/api/cases/{case.id}/applications/{created['id']}"))
    assert read["nav_contact"] == "NAV Bergen"
    duplicate = client.post(
        f"/api/cases/{case.id}/applications",
        {"name": "Kari Hansen", "email": "kari@example.org"},
        content_type="application/json",
    )
    assert duplicate.status_code == 400
    assert "already been received" in _json(duplicate)["detail"]


def test_read_only_role_cannot_create(people: People) -> None:
    case = published_case(people)
    response = _client(people.union).post(
        f"/api/cases/{case.id}/applications",
        {"name": "X", "email": "x@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_application_to_a_case_not_receiving_is_a_conflict(people: People) -> None:
    case = open_case(people)
    response = _client(people.manager).post(
        f"/api/cases/{case.id}/applications",
        {"name": "X", "email": "x@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 409


def test_status_changes_follow_the_state_machine(people: People) -> None:
    case = published_case(people)
    application = apply(case, "Ola Nordmann")
    client = _client(people.hr)
    path = f"/api/cases/{case.id}/applications/{application.id}/status"

    def change(**body: str) -> Any:
        return client.post(path, body, content_type="application/json")

    assert _json(change(status="under_assessment"))["status"] == "under_assessment"
    assert change(status="rejected").status_code == 400  # no reason given
    rejected = change(status="rejected", rejection_reason="not_qualified")
    assert _json(rejected)["status"] == "rejected"
    illegal = change(status="under_assessment")
    assert illegal.status_code == 409
    assert "cannot go from" in _json(illegal)["detail"]
    assert change(status="withdrawn").status_code == 409
    assert change(status="hired").status_code == 422  # not a status the API sets
    application.refresh_from_db()
    assert application.status == "rejected"
    assert Application.objects.count() == 1


def test_openapi_schema_lists_the_endpoints(db: None) -> None:
    schema = _json(Client().get("/api/openapi.json"))
    paths = set(schema["paths"])
    assert {
        "/api/cases",
        "/api/cases/{case_id}",
        "/api/cases/{case_id}/ad",
        "/api/cases/{case_id}/ad/nav",
        "/api/cases/{case_id}/applications",
        "/api/cases/{case_id}/applications/{application_id}",
        "/api/cases/{case_id}/applications/{application_id}/status",
    } <= paths
    assert Client().get("/api/docs").status_code == 200
