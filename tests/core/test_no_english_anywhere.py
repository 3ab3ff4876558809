"""In bokmål and nynorsk, no page or export of LIM outside the equality statement (which
tests/equality_web/test_no_english.py covers) shows English: every page of the core,
recruitment, career-site and API-key apps, fetched as each demo user, is searched for the
English texts of the catalogue and for English words.

The demo's own data (names, cover letters, requirements) is Norwegian, so all of the
page's text is searched; the language switcher's "English", and technical names shown
as code (the rules' parameters), are left out.

The crawl is generic: it walks the URL patterns of those apps and fills in the demo's
ids, so a new page is searched without changing this test.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import itertools
import json
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lim.api.models import ApiToken
from lim.api.tokens import api_token_create
from lim.core.demo import demo_load
from lim.core.models import Organisation, RoleAssignment, Unit, User
from lim.portal.services.applying import _new_token
from lim.recruitment.models import (
    Application,
    ArchivePackage,
    Interview,
    JobAd,
    Notification,
    OnboardingTask,
    RecruitmentCase,
)
from lim.recruitment.services.archive import archive_package_make
from tests.equality_web.test_no_english import PHRASES

pytestmark = pytest.mark.django_db

NAMESPACES = ("core", "recruitment", "portal", "api_tokens")
USERS = (
    "hr@fjordvik.example",
    "leder@fjordvik.example",
    "inkludering@fjordvik.example",
    "tillitsvalgt@fjordvik.example",
    "admin@fjordvik.example",
    "likestilling@fjordvik.example",
)
# English words that are not Norwegian words, matched as whole, case-sensitive words
# (a capital only where English starts a button or heading with it). Left out because
# they are Norwegian too or occur in names, addresses and codes, so they would give
# false alarms: "for", "to", "is" (ice), "in", "no" (".no"), "at", "men", "under", "by",
# "status", "Are" (a name), "must" (juice), "note".
ENGLISH_WORDS = {
    "the", "of", "and", "with", "without", "your", "you", "please", "this", "that",
    "which", "has", "have", "been", "will", "would", "should", "can", "could", "not",
    "from", "Applicant", "applicant", "applicants", "Submit", "Save", "Cancel", "Required",
    "required", "Back", "Edit", "Delete", "Yes", "Show", "Hide", "Close", "Open", "Search",
    "Previous", "Next", "page", "case", "cases", "interview", "recommendation", "offer",
    "only", "when", "where", "there", "their", "were", "was", "about", "after", "before",
    "other", "more", "each", "every", "what", "who", "how", "why", "name", "email",
    "phone", "role", "user", "users", "settings", "login", "password", "list", "new",
    "add", "remove", "send", "sent", "download", "upload", "file", "step", "done", "due",
    "job", "none", "None", "True", "False", "yes", "unknown", "Unknown", "are", "all",
}  # fmt: skip


def _routes() -> Iterator[tuple[str, URLPattern]]:
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLPattern) and entry.name == "rules":
            yield "rules", entry
        if not isinstance(entry, URLResolver) or entry.namespace not in NAMESPACES:
            continue
        for pattern in entry.url_patterns:
            if isinstance(pattern, URLPattern) and pattern.name:
                yield f"{entry.namespace}:{pattern.name}", pattern


def _contexts() -> list[dict[str, list[str]]]:
    """Sets of ids that belong together: the organisation's, the applicants' private
    links, one application of each status (with its case) and one case of each step
    (with its interviews, notification, onboarding task and archive package)."""
    organisation = Organisation.objects.get()
    admin = User.objects.get(email="admin@fjordvik.example")
    contexts: list[dict[str, list[str]]] = [
        {
            "organisation_id": [str(organisation.id)],
            "unit_id": [str(u.id) for u in Unit.objects.all()[:3]],
            "assignment_id": [str(RoleAssignment.objects.first().id)],  # type: ignore[union-attr]
            "token_id": [str(t.id) for t in ApiToken.objects.all()],
            "ad_id": [str(a.id) for a in JobAd.objects.all()],
            "uidb64": [urlsafe_base64_encode(force_bytes(admin.pk))],
            "token": [default_token_generator.make_token(admin)],
        },
        {
            "token": [
                _new_token(application, timezone.now())
                for application in _varied(Application.objects.all(), per_state=1)
            ]
        },
    ]
    for application in _varied(Application.objects.all(), per_state=1):
        contexts.append(
            {"case_id": [str(application.case_id)], "application_id": [str(application.id)]}
        )
    for case in _varied(RecruitmentCase.objects.all(), per_state=1, state="step"):
        contexts.append(
            {
                "case_id": [str(case.id)],
                "interview_id": [
                    str(i.id) for i in Interview.objects.filter(application__case=case)[:2]
                ],
                "notification_id": [str(n.id) for n in Notification.objects.filter(case=case)[:1]],
                "task_id": [
                    str(t.id)
                    for t in OnboardingTask.objects.filter(plan__hire__application__case=case)[:1]
                ],
                "package_id": [str(p.id) for p in ArchivePackage.objects.filter(case=case)[:1]],
            }
        )
    return contexts


def _varied(objects, per_state: int, state: str = "status") -> list[Any]:  # type: ignore[no-untyped-def]
    """A few objects in each state (the pages differ by state, not by object)."""
    chosen: dict[str, list[Any]] = {}
    for obj in objects.order_by("id"):
        group = chosen.setdefault(getattr(obj, state), [])
        if len(group) < per_state:
            group.append(obj)
    return [obj for group in chosen.values() for obj in group]


def _urls() -> list[tuple[str, str]]:
    contexts = _contexts()
    urls: dict[str, str] = {}
    for name, pattern in _routes():
        keys = list(getattr(pattern.pattern, "converters", {}))
        found = False
        for context in contexts:
            if not all(context.get(key) for key in keys):
                continue
            found = True
            for values in itertools.product(*(context[key] for key in keys)):
                url = reverse(name, kwargs=dict(zip(keys, values, strict=True)))
                urls.setdefault(url, name)
        assert found or not keys, f"teach the crawl the ids for {name}: {keys}"
    return [(name, url) for url, name in urls.items()]


def _visible(response) -> str:  # type: ignore[no-untyped-def]
    """What a reader sees or hears: the text, and the labels a screen reader reads."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"%PDF"):
        return subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
    if "json" in response["content-type"]:
        return " ".join(_strings(json.loads(body)))
    html = body.decode()
    # Technical names and values (the rules' parameters) are shown as code, on purpose.
    html = re.sub(r"<code>.*?</code>[^<]*", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    # The language switcher names English in English, as it must.
    html = re.sub(r"<option[^>]*lang=\"en\"[^>]*>.*?</option>", " ", html, flags=re.S)
    labels = re.findall(r'(?:aria-label|alt|placeholder|title)="([^"]*)"', html)
    html = re.sub(r"<head>.*?</head>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", html_module.unescape(" ".join([text, *labels])))


def _strings(value: object) -> Iterator[str]:
    """The texts of a JSON document (not its keys, not its links)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str) and not value.startswith("http"):
        yield value


def _english_in(text: str) -> list[str]:
    found = [phrase for phrase in PHRASES if phrase in text]
    for match in re.finditer(r"[A-Za-z][A-Za-z-]*", text):
        if match[0] in ENGLISH_WORDS:
            found.append(text[max(match.start() - 40, 0) : match.end() + 40])
    return found


@pytest.fixture
def crawl(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    # The PDFs are made from HTML; reading that HTML is as good and much faster.
    for module in ("lim.recruitment.views.recommendation", "lim.recruitment.services.archive"):
        monkeypatch.setattr(f"{module}.html_to_pdf", lambda html: html.encode())
    demo_load(today=dt.date(2026, 12, 3))
    for case in RecruitmentCase.objects.filter(hires__isnull=False).distinct():
        archive_package_make(case=case)
    for email in USERS:
        api_token_create(actor=None, user=User.objects.get(email=email), name="Rapportering")
    return _urls()


# Pages each language must have opened, so the crawl cannot pass by seeing nothing.
MUST_OPEN = {
    "core:home", "core:login", "core:user_list", "core:audit_log", "rules",
    "recruitment:case_list", "recruitment:case_detail", "recruitment:application_detail",
    "recruitment:recommendation", "recruitment:recommendation_pdf", "portal:vacancy_list",
    "portal:ad_detail", "portal:apply", "portal:receipt", "portal:applicant_list",
    "api_tokens:token_list", "recruitment:interview_detail", "recruitment:archive_package",
    "portal:receipt_extended_list",
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_no_page_shows_english(crawl: list[tuple[str, str]], lang: str) -> None:
    clients = [Client(headers={"accept-language": lang})]
    for email in USERS:
        client = Client(headers={"accept-language": lang})
        client.force_login(User.objects.get(email=email))
        clients.append(client)
    english: dict[str, list[str]] = {}
    opened = set()
    post_only = set()
    for client in clients:
        for name, url in crawl:
            if name in post_only:
                continue
            response = client.get(url)
            if response.status_code == 405:
                post_only.add(name)
            if response.status_code != 200:
                continue
            opened.add(name)
            found = _english_in(_visible(response))
            if found:
                english.setdefault(f"{name} {url}", found)
    assert opened >= MUST_OPEN, MUST_OPEN - opened
    assert english == {}, "\n".join(f"{page}: {found}" for page, found in english.items())
