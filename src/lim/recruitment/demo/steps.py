"""The rows of one demo case, step by step, as far as the case has come."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from lim.core.demo import demo_at, demo_id
from lim.core.models import Organisation, Role, Unit, User
from lim.recruitment import rule_checks
from lim.recruitment.demo.applicants import Row, application_rows, select
from lim.recruitment.demo.cases import CaseSpec, Timeline, reached
from lim.recruitment.models import (
    Application,
    Assessment,
    Decision,
    Hire,
    Interview,
    JobAd,
    JobAnalysis,
    NavCheckpoint,
    Notification,
    Offer,
    OnboardingPlan,
    OnboardingTask,
    RankedCandidate,
    Recommendation,
    RecruitmentCase,
    Requirement,
)
from lim.recruitment.services.ads import ad_text
from lim.recruitment.services.onboarding import ONBOARDING_TEMPLATE, due_date

DEMO_QUESTIONS = [
    "Hva gjør deg godt egnet for denne stillingen?",
    "Når kan du begynne?",
]


@dataclass
class Batch:
    """Rows to create, per model, in dependency order."""

    rows: dict[type[models.Model], list[Any]] = field(default_factory=dict)

    def add(self, obj: models.Model) -> None:
        self.rows.setdefault(type(obj), []).append(obj)

    def extend(self, objects: Iterable[models.Model]) -> None:
        for obj in objects:
            self.add(obj)


@dataclass(frozen=True)
class Context:
    organisation: Organisation
    units: dict[str, Unit]
    people: dict[str, User]
    today: dt.date


def case_objects(
    batch: Batch, rng: random.Random, spec: CaseSpec, context: Context, number: int
) -> None:
    when = Timeline(context.today, spec)
    manager = context.people[Role.HIRING_MANAGER]
    case = RecruitmentCase(
        id=demo_id("case", spec.key),
        organisation=context.organisation,
        unit=context.units["/".join(spec.unit)],
        title=spec.title,
        reason=spec.reason,
        desired_start=when.start,
        created_by=manager,
        hiring_manager=manager,
        step=spec.step,
        route="ordinary",
        closed_at=when.closed if spec.step == "closed" else None,
        created_at=when.opened,
        updated_at=when.opened + dt.timedelta(days=1),
    )
    batch.add(case)
    coordinator = context.people.get(Role.INCLUSION_COORDINATOR)
    if coordinator is not None:
        batch.add(
            Notification(
                id=demo_id("notification", spec.key),
                recipient=coordinator,
                case=case,
                kind="new_case",
                read_at=None if spec.step == "need" else when.opened + dt.timedelta(hours=3),
                created_at=when.opened,
            )
        )
    if not reached(spec, "job_analysis"):
        return
    batch.add(
        NavCheckpoint(
            id=demo_id("checkpoint", spec.key),
            case=case,
            can_target_group_fill="yes" if number % 3 else "unsure",
            ask_nav=number % 2 == 0,
            reason="Oppgavene kan løses med tilrettelegging; NAV har kandidater i området."
            if number % 2 == 0
            else "Vi bruker ordinær utlysning og oppfordrer målgruppene til å søke.",
            route="ordinary",
            recorded_by=coordinator,
            recorded_at=when.at(1, 11),
        )
    )
    analysis, requirements = _analysis(batch, spec, case, manager, when, number)
    if not reached(spec, "ad"):
        return
    published = reached(spec, "applications")
    title, body = ad_text(case, analysis, requirements=requirements)
    batch.add(
        JobAd(
            id=demo_id("ad", spec.key),
            case=case,
            title=title,
            body=body,
            language=context.organisation.written_standard,
            deadline=when.deadline,
            channels=["career_site", "nav"],
            questions=DEMO_QUESTIONS,
            published_at=when.published if published else None,
            updated_at=when.at(3, 13),
        )
    )
    if not published:
        return
    rows = application_rows(rng, spec, case, when)
    if reached(spec, "selection"):
        _selection_objects(batch, rng, spec, case, rows, requirements, context.people, when)
    batch.extend(a for a, _d in rows)
    batch.extend(d for _a, d in rows if d is not None)


def _analysis(
    batch: Batch,
    spec: CaseSpec,
    case: RecruitmentCase,
    manager: User,
    when: Timeline,
    number: int,
) -> tuple[JobAnalysis, list[Requirement]]:
    temporary = spec.reason == "leave_substitute"
    start = case.desired_start
    analysis = JobAnalysis(
        id=demo_id("analysis", spec.key),
        case=case,
        tasks=f"Oppgaver som {spec.title.lower()}: saksbehandling, veiledning og samarbeid.",
        competence_profile="Skriver klart og presist\nSamarbeider godt\nTar ansvar for egne saker",
        education_level="Høyere utdanning" if spec.occupation.startswith("2") else "",
        employment_form="temporary" if temporary else "permanent",
        temporary_basis="b" if temporary else "",
        temporary_start=start if temporary else None,
        temporary_end=start + dt.timedelta(days=300) if temporary and start else None,
        fte_percent=100,
        reduced_percentage_possible=number % 4 == 0,
        location="Bergen",
        salary_min=560000,
        salary_max=720000,
        occupation_code=spec.occupation,
        updated_by=manager,
        updated_at=when.at(2, 14),
    )
    batch.add(analysis)
    requirements = [
        Requirement(
            id=demo_id("requirement", f"{spec.key}/{i}"),
            job_analysis=analysis,
            text=text,
            kind=kind,
            justification=why,
            order=i,
        )
        for i, (text, kind, why) in enumerate(
            (
                ("Relevant utdanning", "must", "Oppgavene krever faglig grunnlag."),
                ("Gode norskkunnskaper, skriftlig", "must", "Vedtak skrives på norsk."),
                ("Erfaring fra offentlig forvaltning", "should", "Gir raskere opplæring."),
            )
        )
    ]
    batch.extend(requirements)
    return analysis, requirements


def _selection_objects(
    batch: Batch,
    rng: random.Random,
    spec: CaseSpec,
    case: RecruitmentCase,
    rows: list[Row],
    requirements: list[Requirement],
    people: dict[str, User],
    when: Timeline,
) -> None:
    _qualified, invited = select(rng, spec, rows)
    manager = people[Role.HIRING_MANAGER]
    for application, _declaration in rows:
        if application.status in ("new", "under_assessment"):
            continue
        for requirement in requirements:
            met = application.status != "not_qualified" or requirement.order != 0
            batch.add(
                Assessment(
                    id=demo_id("assessment", f"{application.id}/{requirement.order}"),
                    application=application,
                    requirement=requirement,
                    result="met" if met else "not_met",
                    assessed_by=manager,
                    assessed_at=when.assessed,
                )
            )
        application.status_changed_at = when.assessed
    held = reached(spec, "recommendation")
    for index, application in enumerate(invited):
        _interview(batch, application, when, index, held=held)
    if not held:
        return
    for application in invited:
        application.status = "interviewed"
    ranked = invited[:3]
    for application in ranked:
        application.status = "recommended"
    recommendation = Recommendation(
        id=demo_id("recommendation", spec.key),
        case=case,
        written_by=manager,
        written_at=when.recommended,
        comment="Søkere fra målgruppene som var kvalifisert, ble innkalt til intervju og "
        "vurdert på lik linje med de andre.",
    )
    batch.add(recommendation)
    batch.extend(
        RankedCandidate(
            id=demo_id("ranked", f"{spec.key}/{rank}"),
            recommendation=recommendation,
            application=application,
            rank=rank,
            justification="Rangert etter utdanning, erfaring og personlig egnethet "
            "vurdert mot kravene i utlysningen.",
        )
        for rank, application in enumerate(ranked, start=1)
    )
    if not reached(spec, "decision"):
        return
    chosen = ranked[0]
    batch.add(
        Decision(
            id=demo_id("decision", spec.key),
            case=case,
            recommendation=recommendation,
            chosen=chosen,
            text="Ansettelsesrådet slutter seg til innstillingen.",
            decided_as=Role.HIRING_COUNCIL,
            decided_by=people.get(Role.HIRING_COUNCIL),
            decided_at=when.decided,
        )
    )
    if not reached(spec, "offer"):
        return
    accepted = reached(spec, "onboarding")
    batch.add(
        Offer(
            id=demo_id("offer", spec.key),
            application=chosen,
            terms="Fast stilling, 100 %, lønn etter avtale innenfor lønnsspennet.",
            made_by=people.get(Role.HR_ADVISER),
            sent_at=when.offered,
            response="accepted" if accepted else "pending",
            responded_at=when.offered + dt.timedelta(days=2) if accepted else None,
        )
    )
    chosen.status = "offered"
    if accepted:
        _hire(batch, spec, case, chosen, rows, people, when)


def _interview(
    batch: Batch, application: Application, when: Timeline, index: int, *, held: bool
) -> None:
    starts = when.interview(index)
    batch.add(
        Interview(
            id=demo_id("interview", str(application.id)),
            application=application,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            place="Møterom Fjorden",
            status="held" if held else "scheduled",
            invited_at=when.assessed,
        )
    )


def _hire(
    batch: Batch,
    spec: CaseSpec,
    case: RecruitmentCase,
    chosen: Application,
    rows: list[Row],
    people: dict[str, User],
    when: Timeline,
) -> None:
    declaration = next((d for a, d in rows if a is chosen), None)
    consent = declaration is not None and declaration.consent_statistics
    chosen.status = "hired"
    hire = Hire(
        id=demo_id("hire", spec.key),
        case=case,
        application=chosen,
        route=case.route,
        employment_form="temporary" if spec.reason == "leave_substitute" else "permanent",
        fte_percent=100,
        start_date=when.start,
        target_group_disability=declaration.disability if consent and declaration else None,
        target_group_cv_gap=declaration.cv_gap if consent and declaration else None,
        target_group_route=rule_checks.is_target_group_route(case.route),
        recorded_by=people.get(Role.HR_ADVISER),
        recorded_at=when.offered + dt.timedelta(days=3),
    )
    batch.add(hire)
    plan = OnboardingPlan(
        id=demo_id("onboarding", spec.key),
        hire=hire,
        created_by=case.hiring_manager,
        created_at=hire.recorded_at,
    )
    batch.add(plan)
    for index, template in enumerate(ONBOARDING_TEMPLATE):
        due = due_date(when.start, template)
        batch.add(
            OnboardingTask(
                id=demo_id("onboarding-task", f"{spec.key}/{index}"),
                plan=plan,
                kind=template.kind,
                title=str(template.title),
                owner=case.hiring_manager,
                due_date=due,
                # Done on time when the day has passed; the rest lie ahead.
                done_at=demo_at(due, 0, 15) if due < when.today else None,
                order=index,
            )
        )
    if spec.step != "closed":
        return
    for application, _declaration in rows:
        if application.status in ("hired", "withdrawn"):
            continue
        application.rejection_reason = {
            "not_qualified": "not_qualified",
            "interviewed": "not_ranked",
            "recommended": "position_filled",
        }.get(application.status, "not_shortlisted")
        application.status = "rejected"
        application.replied_at = when.closed
