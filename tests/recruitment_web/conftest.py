"""Personas and cases at each step for the page tests, on top of tests.recruitment's
world (the case's hiring manager, an HR adviser, the union representative, the
inclusion coordinator, the hiring council and an outsider)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from lim.core.models import User
from lim.recruitment.models import Application, RecruitmentCase
from tests.conftest import client_for
from tests.recruitment.conftest import (  # noqa: F401 - helpers for the modules
    AFTER_DEADLINE,
    NOW,
    People,
    apply,
    assess,
    in_selection,
    invite,
    open_case,
    published_case,
    record_checkpoint,
    write_analysis,
)
from tests.recruitment.conftest import people as people


def url(name: str, case: RecruitmentCase, **kwargs: object) -> str:
    return reverse(f"recruitment:{name}", kwargs={"case_id": case.id, **kwargs})


def app_url(name: str, application: Application) -> str:
    return reverse(
        f"recruitment:{name}",
        kwargs={"case_id": application.case_id, "application_id": application.id},
    )


def as_user(user: User, lang: str = "en") -> Client:
    """English pages by default, so assertions read the msgids."""
    return client_for(user, lang)


def selection_case(people: People) -> tuple[RecruitmentCase, Application, Application]:
    """A case in selection with two qualified applicants, one of them declaring a
    disability (so the interview duty applies)."""
    case = published_case(people)
    ola = apply(case, "Ola Nordmann")
    sofie = apply(case, "Sofie Dahl", disability=True)
    case = in_selection(people, case)
    assess(people, ola, qualified=True)
    assess(people, sofie, qualified=True)
    return case, ola, sofie
