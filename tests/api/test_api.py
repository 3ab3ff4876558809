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
    assert ad["questions"] == [] and ad["answers_required"] is False


def test_nav_payload_takes_the_address_from_the_settings_or_asks_for_it(
    people: People,
) -> None:
    from lim.core.models import Organisation

    case = published_case(people)
    client = _client(people.union)
    missing = client.get(f"/api/cases/{case.id}/ad/nav")
    assert missing.status_code == 409
    assert "postal code" in _json(missing)["detail"]
    assert client.get(f"/api/cases/{case.id}/ad/nav?postal_code=50").status_code == 422
    Organisation.objects.filter(pk=case.organisation_id).update(
        postal_code="6900", postal_town="Florø"
    )
    payload = _json(client.get(f"/api/cases/{case.id}/ad/nav"))
    assert payload["employer"]["location"]["postalCode"] == "6900"


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


def test_blind_screening_gives_codes_and_no_contact_details(people: People) -> None:
    """While the organisation's blind screening is in force the API shows what the pages
    show: a code, no e-mail, no NAV contact; afterwards the name again."""
    case = published_case(people)
    application = apply(case, "Sofie Dahl", source="nav")
    people.world.organisation.blind_screening_until = "recommendation"
    people.world.organisation.save()
    client = _client(people.hr)
    code = str(application.id)[:8].upper()
    listed = _json(client.get(f"/api/cases/{case.id}/applications"))
    one = _json(client.get(f"/api/cases/{case.id}/applications/{application.id}"))
    for shown in (listed[0], one):
        assert shown["name"] == f"Applicant {code}"
        assert shown["email"] == "" and shown["nav_contact"] == ""
        assert shown["blind"] is True
    assert "Sofie" not in json.dumps([listed, one])
    type(case).objects.filter(pk=case.pk).update(step="decision")
    after = _json(client.get(f"/api/cases/{case.id}/applications/{application.id}"))
    assert (after["name"], after["email"], after["blind"]) == (
        "Sofie Dahl",
        "sofie.dahl@example.org",
        False,
    )


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


# Sample values by field name where the type alone would not do; other fields get a
# value from their schema (the first allowed value, or a plain one of their type).
SAMPLES: dict[str, Any] = {"email": "ny.soker@example.org", "postal_code": "5003"}


def _sample(name: str, schema: dict[str, Any], components: dict[str, Any]) -> Any:
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if name in SAMPLES:
        return SAMPLES[name]
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return _sample(name, schema["anyOf"][0], components)
    if schema.get("type") == "object":
        return {
            key: _sample(key, schema["properties"][key], components)
            for key in schema.get("required", [])
        }
    values = {"string": "Ny Søker", "integer": 1, "number": 1, "boolean": False, "array": []}
    return values[schema.get("type", "string")]


def _operations(ids: dict[str, str]) -> list[tuple[str, str, dict[str, Any] | None]]:
    """Every operation of the API from its OpenAPI schema: (method, path with the ids
    and the required query parameters filled in, a valid JSON body or None)."""
    from lim.api.api import api

    schema = api.get_openapi_schema()
    components = schema["components"]["schemas"]
    operations = []
    for template, methods in schema["paths"].items():
        for method, operation in methods.items():
            path, query = template, {}
            for parameter in operation.get("parameters", []):
                name = parameter["name"]
                if parameter["in"] == "path":
                    assert name in ids, f"{method} {template}: no id for {{{name}}}"
                    path = path.replace(f"{{{name}}}", ids[name])
                elif parameter.get("required"):
                    query[name] = _sample(name, parameter["schema"], components)
            if query:
                path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            sample = _sample("body", body["schema"], components) if body else None
            operations.append((method.upper(), path, sample))
    return operations


def _call(client: Client, method: str, path: str, body: dict[str, Any] | None) -> Any:
    if body is None:
        return client.generic(method, path)
    return client.generic(method, path, json.dumps(body), content_type="application/json")


def test_every_endpoint_refuses_outsiders_and_read_only_writes(people: People) -> None:
    """Enumerated from the OpenAPI schema, so a new endpoint is covered without editing
    this test: a user from another unit gets 404 for anything about the case (and an
    empty list of cases); the union representative reads but cannot write (404, nothing
    changes); the HR adviser's same requests are accepted, so the refusals are real."""
    from lim.core.models import Organisation

    case = published_case(people)
    # Optional query parameters are left out; the NAV payload then needs the settings' address.
    Organisation.objects.filter(pk=case.organisation_id).update(postal_code="5003")
    application = apply(case, "Ola Nordmann")
    operations = _operations({"case_id": str(case.id), "application_id": str(application.id)})
    writes = [(m, p, b) for m, p, b in operations if m not in ("GET", "HEAD", "OPTIONS")]
    assert len(operations) >= 8 and len(writes) >= 2
    before = list(Application.objects.order_by("id").values_list("id", "status"))

    outsider = _client(people.outsider)
    for method, path, body in operations:
        response = _call(outsider, method, path, body)
        if str(case.id) in path:
            assert response.status_code == 404, (method, path, response.status_code)
        else:  # the list of cases: only those the user may see
            assert response.status_code == 200 and _json(response) == [], (method, path)

    union = _client(people.union)
    for method, path, body in operations:
        response = _call(union, method, path, body)
        expected = 200 if method == "GET" else 404
        assert response.status_code == expected, (method, path, response.status_code)
    assert list(Application.objects.order_by("id").values_list("id", "status")) == before

    hr = _client(people.hr)
    for method, path, body in writes:
        response = _call(hr, method, path, body)
        assert response.status_code in (200, 201), (method, path, response.content)
