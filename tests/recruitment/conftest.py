"""A recruitment world on top of tests.conftest.World, and helpers that walk a case
through its steps with fixed times (tests never read the clock)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from lim.core import services as core_services
from lim.core.models import Role, User
from lim.recruitment.models import Application, RecruitmentCase, Requirement
from lim.recruitment.services import ads, applications, cases, job_analysis, selection
from lim.recruitment.services.applications import DeclarationInput
from lim.recruitment.services.job_analysis import RequirementInput
from tests.conftest import World, make_user

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DEADLINE = dt.date(2026, 3, 20)
AFTER_DEADLINE = dt.datetime(2026, 3, 23, 9, 0, tzinfo=dt.UTC)


@dataclass
class People:
    world: World
    hr: User
    coordinator: User
    council: User

    @property
    def manager(self) -> User:
        return self.world.manager

    @property
    def union(self) -> User:
        return self.world.colleague

    @property
    def outsider(self) -> User:
        return self.world.outsider


@pytest.fixture
def people(world: World) -> People:
    hr = make_user("hr@test.example", "Hanne HR")
    coordinator = make_user("inkludering@test.example", "Ibrahim Inkludering", "nn")
    council = make_user("rad@test.example", "Rolf Råd")
    core_services.role_assign(actor=None, user=hr, unit=world.branch, role=Role.HR_ADVISER)
    core_services.role_assign(
        actor=None, user=coordinator, unit=world.root, role=Role.INCLUSION_COORDINATOR
    )
    core_services.role_assign(actor=None, user=council, unit=world.branch, role=Role.HIRING_COUNCIL)
    world.organisation.diversity_statement = "Vi ønsker søkere med ulik bakgrunn."
    world.organisation.save()
    return People(world, hr, coordinator, council)


def open_case(people: People, reason: str = "new_position") -> RecruitmentCase:
    return cases.case_open(
        actor=people.manager,
        unit=people.world.leaf,
        title="Rådgiver klagesaker",
        reason=reason,
        desired_start=dt.date(2026, 6, 1),
        now=NOW,
    )


def write_analysis(people: People, case: RecruitmentCase, **extra: object) -> None:
    values: dict[str, object] = {
        "tasks": "Behandle klagesaker.\nVeilede publikum.",
        "competence_profile": "Skriver klart\nSamarbeider godt",
        "employment_form": "permanent",
        "fte_percent": 100,
        "location": "Bergen",
        "occupation_code": "2619",
        "requirements": [
            RequirementInput(
                "Mastergrad i rettsvitenskap", "must", "Sakene krever juridisk metode"
            ),
            RequirementInput("Erfaring fra forvaltningen", "should", "Kjenner saksgangen"),
        ],
    }
    values.update(extra)
    job_analysis.job_analysis_save(actor=people.manager, case=case, now=NOW, **values)  # type: ignore[arg-type]


def record_checkpoint(people: People, case: RecruitmentCase, route: str = "ordinary") -> None:
    cases.nav_checkpoint_record(
        actor=people.coordinator,
        case=case,
        can_target_group_fill="yes",
        ask_nav=True,
        reason="Oppgavene kan løses med tilrettelegging.",
        route=route,
        now=NOW,
    )


def published_case(
    people: People, *, questions: tuple[str, ...] = (), answers_required: bool = False
) -> RecruitmentCase:
    case = open_case(people)
    record_checkpoint(people, case)
    write_analysis(people, case)
    ad = ads.ad_generate(actor=people.hr, case=case, now=NOW)
    ads.ad_update(
        actor=people.hr,
        ad=ad,
        title=ad.title,
        body=ad.body,
        deadline=DEADLINE,
        channels=["career_site", "nav"],
        questions=questions,
        answers_required=answers_required,
        now=NOW,
    )
    ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    case.refresh_from_db()
    return case


def apply(
    case: RecruitmentCase,
    name: str,
    *,
    language: str = "nb",
    disability: bool = False,
    cv_gap: bool = False,
    source: str = "portal",
) -> Application:
    declared = DeclarationInput(disability=disability, cv_gap=cv_gap, consent_statistics=True)
    slug = name.lower().replace(" ", ".").translate(str.maketrans({"ø": "o", "å": "a", "æ": "ae"}))
    return applications.application_create(
        actor=None,
        case=case,
        name=name,
        email=f"{slug}@example.org",
        language=language,
        source=source,
        nav_contact="NAV Bergen, Kari Veileder" if source == "nav" else "",
        declaration=declared if (disability or cv_gap) else None,
        now=NOW,
    )


def assess(people: People, application: Application, *, qualified: bool) -> Application:
    for requirement in Requirement.objects.filter(job_analysis__case=application.case_id):
        result = "met" if qualified or requirement.kind == "should" else "not_met"
        selection.assessment_record(
            actor=people.manager,
            application=application,
            requirement=requirement,
            result=result,
            now=AFTER_DEADLINE,
        )
    return selection.qualification_decide(
        actor=people.manager, application=application, now=AFTER_DEADLINE
    )


def in_selection(people: People, case: RecruitmentCase) -> RecruitmentCase:
    selection.selection_start(actor=people.hr, case=case, now=AFTER_DEADLINE)
    case.refresh_from_db()
    return case


def invite(people: People, case: RecruitmentCase, invited: Sequence[Application]) -> None:
    selection.interview_list_finalise(
        actor=people.manager, case=case, invited=list(invited), now=AFTER_DEADLINE
    )
