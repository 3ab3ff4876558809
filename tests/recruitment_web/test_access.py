"""Every recruitment page, and every career-site page about a case (the applicant lists),
enumerated from the URL patterns so a new view is covered without editing this test: an
outsider gets 404 for every method, and a read-only role (the union representative)
cannot change anything through a view that needs write."""

from __future__ import annotations

import uuid

import pytest
from django.urls import URLPattern, get_resolver, reverse

from lim.core.models import AuditEvent
from lim.recruitment.models import Application, Interview, Notification, OnboardingTask
from lim.recruitment.services import interviews
from tests.recruitment_web.conftest import (
    People,
    apply,
    as_user,
    invite,
    published_case,
    selection_case,
)

# Views that read-level users may POST to, because the service decides who may act:
# the union remark (union representatives), the decision (the hiring council) and
# interview scores (the panel), and marking one's own notification read.
SERVICE_CHECKED = {"union_remark", "decision", "interview_scores", "notification_read"}


def _patterns() -> list[tuple[str, URLPattern]]:
    """(namespace, pattern): all of recruitment's, and the portal's that take a case."""
    resolver = get_resolver()
    found = []
    for namespace in ("recruitment", "portal"):
        for pattern in resolver.namespace_dict[namespace][1].url_patterns:
            if not isinstance(pattern, URLPattern):
                continue
            if namespace == "portal" and "case_id" not in pattern.pattern.converters:
                continue  # the public career site and the private links
            found.append((namespace, pattern))
    return found


def _kwargs(pattern: URLPattern, objects: dict[str, uuid.UUID]) -> dict[str, uuid.UUID]:
    return {name: objects[name] for name in pattern.pattern.converters}


@pytest.fixture
def objects(people: People) -> dict[str, uuid.UUID]:
    case, ola, sofie = selection_case(people)
    invite(people, case, [ola, sofie])
    interview = interviews.interview_schedule(
        actor=people.hr,
        application=sofie,
        starts_at=ola.submitted_at,
        ends_at=ola.submitted_at.replace(hour=23),
        panel=[people.manager],
        place="Rom 1",
    )
    return {
        "case_id": case.id,
        "application_id": sofie.id,
        "interview_id": interview.id,
        "notification_id": Notification.objects.get(case=case).id,
        "task_id": uuid.uuid4(),
        "package_id": uuid.uuid4(),
    }


def test_every_pattern_is_enumerated() -> None:
    names = {f"{namespace}:{p.name}" for namespace, p in _patterns()}
    assert {
        "recruitment:case_detail",
        "recruitment:applicant_list",
        "recruitment:recommendation_pdf",
        "recruitment:task_done",
        "portal:applicant_list",
        "portal:exemption_decide",
        "portal:applicant_list_publish",
        "portal:extended_list",
    } <= names


def test_outsider_gets_404_on_every_case_url(people: People, objects: dict[str, uuid.UUID]) -> None:
    client = as_user(people.outsider)
    for namespace, pattern in _patterns():
        if not pattern.pattern.converters:
            continue
        path = reverse(f"{namespace}:{pattern.name}", kwargs=_kwargs(pattern, objects))
        for method in ("get", "post"):
            status = getattr(client, method)(path).status_code
            assert status in (404, 405), (pattern.name, method, status)
            if method == "get" and status == 405:
                assert client.post(path).status_code == 404, pattern.name


def test_union_rep_cannot_write_through_any_page(
    people: People, objects: dict[str, uuid.UUID]
) -> None:
    client = as_user(people.union)
    before = AuditEvent.objects.count()
    statuses = dict(Application.objects.values_list("id", "status"))
    for namespace, pattern in _patterns():
        if not pattern.pattern.converters or pattern.name in SERVICE_CHECKED:
            continue
        path = reverse(f"{namespace}:{pattern.name}", kwargs=_kwargs(pattern, objects))
        status = client.post(path).status_code
        assert status in (404, 405), (pattern.name, status)
    assert AuditEvent.objects.count() == before
    assert dict(Application.objects.values_list("id", "status")) == statuses
    assert Interview.objects.count() == 1
    assert not OnboardingTask.objects.exists()


def test_another_cases_application_is_404(people: People, objects: dict[str, uuid.UUID]) -> None:
    other = published_case(people)
    stranger = apply(other, "Per Annen")
    path = reverse(
        "recruitment:application_detail",
        kwargs={"case_id": objects["case_id"], "application_id": stranger.id},
    )
    assert as_user(people.manager).get(path).status_code == 404
