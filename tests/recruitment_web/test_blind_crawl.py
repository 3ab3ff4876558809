"""Blind screening end to end: every case page, PDF and API response, fetched as every
staff role with access, shows no applicant's name, e-mail or phone while the
organisation's blind screening is in force; once it has ended, HR sees the names.

The crawl is generic: it walks the URL patterns of the recruitment, portal-HR and API
apps, so a new page is crawled without changing this test.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lim.api.tokens import api_token_create
from lim.core.models import User
from lim.portal.models import PortalSubmission
from lim.recruitment.models import (
    Application,
    Interview,
    Notification,
    OnboardingTask,
    RecruitmentCase,
)
from lim.recruitment.services import applications as application_services
from lim.recruitment.services import interviews as interview_services
from lim.recruitment.services import recommendation as recommendation_services
from lim.recruitment.services.applications import DeclarationInput
from lim.recruitment.services.interviews import REFERENCE_QUESTIONS
from lim.recruitment.services.recommendation import RankingInput
from tests.recruitment_web.conftest import (
    AFTER_DEADLINE,
    People,
    as_user,
    assess,
    in_selection,
    invite,
    published_case,
)
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db

# Names that appear nowhere else on the pages, so any hit is a leak.
APPLICANTS = (
    ("Oddveig Brekkestø", "oddveig@brekkesto.example", "+47 913 57 246"),
    ("Jarle Flatmoen", "jarle.flatmoen@example.org", "+47 482 19 375"),
    ("Zahra Qureshi", "zahra.qureshi@example.org", "+47 936 04 118"),
)
NAMESPACES = ("recruitment", "portal", "api")


@dataclass
class Demo:
    case: RecruitmentCase
    applications: list[Application]
    interview: Interview
    ids: dict[str, list[uuid.UUID]] = field(default_factory=dict)


def _demo_case(people: People) -> Demo:
    """A case like the demo's: applications (one with an exemption request, declarations
    incl. immigrant background), an interview list, an interview that was held, a
    reference check and a recommendation."""
    people.world.organisation.blind_screening_until = "recommendation"
    people.world.organisation.save()
    case = published_case(people)
    applications = [
        application_services.application_create(
            actor=None,
            case=case,
            name=name,
            email=email,
            phone=phone,
            municipality="Bergen",
            cover_letter="Jeg søker stillingen.",
            declaration=DeclarationInput(disability=i == 0, immigrant_background=i != 1),
            now=AFTER_DEADLINE - dt.timedelta(days=5),
        )
        for i, (name, email, phone) in enumerate(APPLICANTS)
    ]
    PortalSubmission.objects.create(
        application=applications[2],
        idempotency_key=uuid.uuid4(),
        exemption_requested=True,
        exemption_reason="Av personlige grunner.",
    )
    case = in_selection(people, case)
    for application in applications:
        assess(people, application, qualified=True)
    invite(people, case, applications[:2])
    first = Application.objects.get(pk=applications[0].pk)
    starts = AFTER_DEADLINE + dt.timedelta(days=3)
    interview = interview_services.interview_schedule(
        actor=people.hr,
        application=first,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        panel=[people.manager, people.hr],
        place="Møterom 1",
        now=AFTER_DEADLINE,
    )
    later = starts + dt.timedelta(hours=2)
    interview_services.interview_held(actor=people.hr, interview=interview, now=later)
    interview_services.reference_check_record(
        actor=people.hr,
        application=Application.objects.get(pk=first.pk),
        referee_name="Referanse Person",
        referee_relation="Tidligere leder",
        answers=["Oddveig Brekkestø er svært god."] * len(REFERENCE_QUESTIONS),
        now=later,
    )
    recommendation_services.recommendation_save(
        actor=people.manager,
        case=case,
        ranking=[
            RankingInput(
                application=Application.objects.get(pk=first.pk),
                justification="Oddveig oppfyller alle krav.",
            )
        ],
        comment="Søkerne fra målgruppene er vurdert.",
        now=later,
    )
    return Demo(
        case=case,
        applications=applications,
        interview=interview,
        ids={
            "case_id": [case.id],
            "application_id": [a.id for a in applications],
            "interview_id": [interview.id],
            "notification_id": list(
                Notification.objects.filter(case=case).values_list("id", flat=True)
            )
            or [uuid.uuid4()],
            "task_id": list(
                OnboardingTask.objects.filter(plan__hire__application__case=case).values_list(
                    "id", flat=True
                )
            )
            or [uuid.uuid4()],
        },
    )


def _blind(demo: Demo, until: str = "recommendation", step: str = "selection") -> None:
    """The organisation requires blind screening; the case is back in selection (the
    recommendation is being rewritten), so blindness applies again."""
    organisation = demo.case.organisation
    organisation.blind_screening_until = until
    organisation.save()
    RecruitmentCase.objects.filter(pk=demo.case.pk).update(step=step)


def _routes() -> Iterator[tuple[str, URLPattern]]:
    """Every named URL pattern of the crawled apps (the portal's HR pages only)."""
    for resolver in get_resolver().url_patterns:
        if not isinstance(resolver, URLResolver) or resolver.namespace not in NAMESPACES:
            continue
        for pattern in resolver.url_patterns:
            assert isinstance(pattern, URLPattern)
            if not pattern.name:
                continue
            module = getattr(pattern.callback, "__module__", "")
            if resolver.namespace == "portal" and module != "lim.portal.views_hr":
                continue
            yield f"{resolver.namespace}:{pattern.name}", pattern


def _urls(demo: Demo) -> Iterator[tuple[str, str]]:
    for name, pattern in _routes():
        keys = list(pattern.pattern.converters) if hasattr(pattern.pattern, "converters") else []
        unknown = [key for key in keys if key not in demo.ids]
        assert not unknown, f"teach the crawl the ids for {name}: {unknown}"
        combinations: list[dict[str, uuid.UUID]] = [{}]
        for key in keys:
            combinations = [{**c, key: value} for c in combinations for value in demo.ids[key]]
        for kwargs in combinations:
            yield name, reverse(name, kwargs={k: str(v) for k, v in kwargs.items()})


def _needles(demo: Demo) -> list[str]:
    needles = []
    for name, email, phone in APPLICANTS:
        needles += [name, *name.split(), email, phone, phone.replace(" ", "")[3:]]
    return needles


def _client(user: User, api: bool) -> Client:
    if not api:
        return as_user(user)
    _token, plain = api_token_create(actor=None, user=user, name="Crawl")
    return Client(headers={"authorization": f"Bearer {plain}", "accept-language": "en"})


def _crawl(demo: Demo, user: User, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Each page the user may open (status 200), by URL: its text."""
    # The PDF's text is compressed; read the document the PDF is made from.
    monkeypatch.setattr(
        "lim.recruitment.views.recommendation.html_to_pdf", lambda html: html.encode()
    )
    pages, web, api = {}, _client(user, api=False), _client(user, api=True)
    for name, url in _urls(demo):
        client = api if name.startswith("api:") else web
        response = client.get(url)
        if response.status_code == 200:
            pages[f"{name} {url}"] = response.content.decode()
    return pages


def _leaks(pages: dict[str, str], needles: list[str]) -> list[str]:
    return [
        f"{page}: {needle}"
        for page, text in pages.items()
        for needle in needles
        if needle.lower() in text.lower()
    ]


# Pages every role with access must reach, so the crawl cannot pass by seeing nothing.
MUST_OPEN = {
    "recruitment:applicant_list",
    "recruitment:application_detail",
    "recruitment:interview_list",
    "recruitment:interview_detail",
    "recruitment:interview_schedule",
    "recruitment:reference_check",
    "recruitment:recommendation",
    "recruitment:recommendation_pdf",
    "recruitment:decision",
    "api:list_applications",
    "api:read_application",
}


@pytest.mark.parametrize("role", ["manager", "hr", "coordinator", "union", "council"])
def test_no_page_or_api_response_names_an_applicant_while_blind(
    people: People, monkeypatch: pytest.MonkeyPatch, role: str
) -> None:
    demo = _demo_case(people)
    _blind(demo)
    user = getattr(people, role)
    pages = _crawl(demo, user, monkeypatch)
    opened = {page.split()[0] for page in pages}
    assert opened >= MUST_OPEN, MUST_OPEN - opened
    if role == "hr":
        # HR runs the public applicant list and sees the names there (and only there).
        hr_list = [p for p in pages if p.startswith("portal:applicant_list ")]
        assert hr_list and "Oddveig Brekkestø" in pages[hr_list[0]]
        assert "you see the names here because HR advisers run" in pages[hr_list[0]]
        pages = {p: text for p, text in pages.items() if p not in hr_list}
    assert _leaks(pages, _needles(demo)) == []
    assert "Applicant " in "".join(pages.values())


def test_hiring_manager_sees_codes_on_the_public_list_page_and_is_told_why(
    people: People,
) -> None:
    demo = _demo_case(people)
    _blind(demo)
    page = as_user(people.manager).get(reverse("portal:applicant_list", args=[demo.case.id]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Brekkestø" not in text and "Qureshi" not in text
    assert "personlige grunner" not in text  # the request's own words
    assert "HR advisers, who run the public applicant list, see them" in text
    assert "1 applicant has asked to be left off the list." in text


def test_after_blind_screening_hr_sees_the_names(
    people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = _demo_case(people)
    _blind(demo, step="recommendation")
    pages = _crawl(demo, people.hr, monkeypatch)
    first = demo.applications[0]
    detail = reverse("recruitment:application_detail", args=[demo.case.id, first.id])
    assert "Oddveig Brekkestø" in pages[f"recruitment:application_detail {detail}"]
    api = f"/api/cases/{demo.case.id}/applications/{first.id}"
    assert "oddveig@brekkesto.example" in pages[f"api:read_application {api}"]
    assert "Oddveig Brekkestø" in "".join(p for k, p in pages.items() if "recommendation_pdf" in k)


def test_no_mail_to_staff_names_an_applicant_while_blind(people: People) -> None:
    """Notifications and e-mails to the staff sent while the case was blind name no one
    (the applicants' own receipts and offers go to themselves)."""
    demo = _demo_case(people)
    run_queued_tasks()
    staff = {u.email for u in User.objects.all()}
    to_staff = [m for m in mail.outbox if set(m.to) & staff]
    text = " ".join(f"{m.subject} {m.body}" for m in to_staff)
    assert to_staff, "the crawl expects at least one mail to the staff"
    assert [n for n in _needles(demo) if n.lower() in text.lower()] == []


def test_sort_by_name_sorts_by_code_while_blind(people: People) -> None:
    demo = _demo_case(people)
    _blind(demo)
    by_code = sorted(demo.applications, key=lambda a: str(a.id))
    # Names in the opposite order of the codes, so sorting by name would show it.
    for application, name in zip(by_code, ["Åse Ø", "Mia M", "Ada A"], strict=True):
        Application.objects.filter(pk=application.pk).update(name=name)
    page = as_user(people.hr).get(
        reverse("recruitment:applicant_list", args=[demo.case.id]), {"sort": "name"}
    )
    text = page.content.decode()
    codes = [str(a.id)[:8].upper() for a in by_code]
    positions = [text.index(f"Applicant {code}") for code in codes]
    assert positions == sorted(positions)
