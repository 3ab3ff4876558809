"""Demo recruitment cases: twelve cases over every step, about 600 synthetic applications.

Deterministic: a seeded random.Random, fixed times and uuid5 ids, so loading twice
creates nothing new. Rows are bulk-created (only the missing ones); the data is made
consistent with the rules by construction (the interview duty is met, rankings are
justified). No audit events: core writes one `demo.load` for the whole load.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models

from lim.core.demo import CASEWORK, DEMO_UNITS, demo_id
from lim.core.models import Organisation, Role, RoleAssignment, Unit, User
from lim.recruitment import rule_checks
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
    TargetGroupDeclaration,
)
from lim.recruitment.services.ads import ad_text
from lim.recruitment.services.onboarding import ONBOARDING_TEMPLATE, due_date

M = TypeVar("M", bound=models.Model)

BASE = dt.datetime(2026, 1, 12, 8, 0, tzinfo=dt.UTC)
SEED = 20260112

FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Ingrid", "woman"), ("Ola", "man"), ("Kari", "woman"), ("Lars", "man"),
    ("Amina", "woman"), ("Mohammed", "man"), ("Sofie", "woman"), ("Jonas", "man"),
    ("Fatima", "woman"), ("Ali", "man"), ("Nora", "woman"), ("Henrik", "man"),
    ("Maja", "woman"), ("Emil", "man"), ("Zainab", "woman"), ("Tobias", "man"),
    ("Ewa", "woman"), ("Piotr", "man"), ("Aisha", "woman"), ("Mathias", "man"),
    ("Linh", "woman"), ("Minh", "man"), ("Sara", "woman"), ("Magnus", "man"),
    ("Hodan", "woman"), ("Abdi", "man"), ("Elin", "woman"), ("Sindre", "man"),
    ("Marta", "woman"), ("Tomasz", "man"), ("Sunniva", "woman"), ("Arne", "man"),
    ("Niloufar", "woman"), ("Reza", "man"), ("Ragnhild", "woman"), ("Ahmed", "man"),
    ("Aleksandra", "woman"), ("Kristian", "man"), ("Sigrid", "woman"), ("Kim", "other"),
    ("Ibrahim", "man"), ("Eli", "woman"), ("Tenzin", "other"), ("Hanne", "woman"),
)  # fmt: skip
LAST_NAMES: tuple[str, ...] = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Eriksen", "Bakken", "Solberg",
    "Ali", "Ahmed", "Hassan", "Mohamed", "Nguyen", "Tran", "Kowalski", "Nowak",
    "Wiśniewska", "Rahimi", "Hosseini", "Yilmaz", "Abdi", "Warsame", "Sandvik", "Lie",
    "Moen", "Dahl", "Lund", "Strand", "Sæther", "Aas", "Bjørnstad", "Sørensen",
)  # fmt: skip
MUNICIPALITIES = ("Bergen", "Oslo", "Askøy", "Bjørnafjorden", "Alver", "Voss", "Stavanger")


@dataclass(frozen=True)
class CaseSpec:
    key: str
    title: str
    unit: tuple[str, ...]
    step: str
    applications: int
    occupation: str
    reason: str = "new_position"


KLAGE = (*CASEWORK, "Seksjon for klagesaker")
VEILEDNING = (*CASEWORK, "Seksjon for veiledning")
ANALYSE = (*DEMO_UNITS[1], "Avdeling for analyse")

CASES: tuple[CaseSpec, ...] = (
    CaseSpec("c01", "Rådgiver klagesaker", KLAGE, "closed", 74, "2619"),
    CaseSpec("c02", "Seniorrådgiver veiledning", VEILEDNING, "closed", 62, "2422", "replacement"),
    CaseSpec("c03", "Jurist, klagesaker", KLAGE, "onboarding", 68, "2611"),
    CaseSpec("c04", "Saksbehandler", CASEWORK, "offer", 80, "2422", "replacement"),
    CaseSpec("c05", "Førstekonsulent veiledning", VEILEDNING, "decision", 66, "4110"),
    CaseSpec("c06", "Rådgiver analyse", ANALYSE, "recommendation", 58, "2631"),
    CaseSpec("c07", "Kommunikasjonsrådgiver", CASEWORK, "selection", 72, "2432"),
    CaseSpec("c08", "Vikar saksbehandler", KLAGE, "selection", 44, "4110", "leave_substitute"),
    CaseSpec("c09", "Seniorrådgiver juridisk", KLAGE, "applications", 76, "2611"),
    CaseSpec("c10", "Rådgiver digitalisering", ANALYSE, "ad", 0, "2511"),
    CaseSpec("c11", "Kundesentermedarbeider", VEILEDNING, "job_analysis", 0, "4222"),
    CaseSpec("c12", "Prosjektmedarbeider", CASEWORK, "need", 0, "3343", "temporary_need"),
)

ORDER = [
    "need",
    "job_analysis",
    "ad",
    "applications",
    "selection",
    "recommendation",
    "decision",
    "offer",
    "onboarding",
    "closed",
]


def _past(spec: CaseSpec, step: str) -> bool:
    """Has the case reached `step`?"""
    return ORDER.index(spec.step) >= ORDER.index(step)


def _save_missing(model: type[M], objects: Sequence[M]) -> int:
    """Create the objects whose ids are not in the database yet."""
    if not objects:
        return 0
    existing = set(
        model._default_manager.filter(pk__in=[o.pk for o in objects]).values_list("pk", flat=True)
    )
    missing = [o for o in objects if o.pk not in existing]
    model._default_manager.bulk_create(missing, batch_size=500)
    return len(missing)


@dataclass
class Batch:
    """Rows to create, per model, in dependency order."""

    rows: dict[type[models.Model], list[Any]]

    def add(self, obj: models.Model) -> None:
        self.rows.setdefault(type(obj), []).append(obj)

    def extend(self, objects: Iterable[models.Model]) -> None:
        for obj in objects:
            self.add(obj)


def _users(organisation: Organisation) -> dict[str, User]:
    roles = RoleAssignment.objects.filter(unit__organisation=organisation).select_related("user")
    return {assignment.role: assignment.user for assignment in roles}


def _application_rows(
    rng: random.Random, spec: CaseSpec, case: RecruitmentCase, start: dt.datetime
) -> list[tuple[Application, TargetGroupDeclaration | None]]:
    rows = []
    for index in range(spec.applications):
        first, gender = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        roll = rng.random()
        source = "nav" if roll < 0.08 else "hr" if roll < 0.16 else "portal"
        language = rng.choices(("nb", "nn", "en"), weights=(80, 12, 8))[0]
        key = f"{spec.key}/{index:03d}"
        application = Application(
            id=demo_id("application", key),
            case=case,
            name=f"{first} {last}",
            email=f"{first}.{last}.{spec.key}{index}@eksempel.no".lower(),
            phone=f"4{rng.randrange(1000000, 9999999)}",
            birth_date=dt.date(
                rng.randrange(1962, 2003), rng.randrange(1, 13), rng.randrange(1, 29)
            ),
            municipality=rng.choice(MUNICIPALITIES),
            gender=gender,
            language=language,
            source=source,
            nav_contact="NAV Bergenhus, markedskontakt" if source == "nav" else "",
            has_wage_subsidy=source == "nav" and rng.random() < 0.3,
            education=rng.choice(("Master", "Bachelor", "Fagbrev", "Videregående skole")),
            experience=f"{rng.randrange(0, 25)} års erfaring",
            status="new",
            submitted_at=start + dt.timedelta(hours=index * 5),
            status_changed_at=start + dt.timedelta(hours=index * 5),
        )
        disability = rng.random() < (0.25 if source == "nav" else 0.07)
        cv_gap = rng.random() < (0.25 if source == "nav" else 0.05)
        immigrant = rng.random() < 0.18
        declaration = None
        if disability or cv_gap or immigrant:
            declaration = TargetGroupDeclaration(
                id=demo_id("declaration", key),
                application=application,
                disability=disability,
                cv_gap=cv_gap,
                immigrant_background=immigrant,
                consent_statistics=rng.random() < 0.85,
                declared_at=application.submitted_at,
            )
        rows.append((application, declaration))
    return rows


def _select(
    rng: random.Random,
    spec: CaseSpec,
    rows: list[tuple[Application, TargetGroupDeclaration | None]],
) -> tuple[list[Application], list[Application]]:
    """Set assessment outcomes; return the qualified and the invited, meeting the duty."""
    qualified: list[Application] = []
    for application, _declaration in rows:
        outcome = rng.random()
        if spec.step == "selection" and outcome < 0.3:
            application.status = "new" if outcome < 0.15 else "under_assessment"
        elif outcome < 0.62:
            application.status = "qualified"
            qualified.append(application)
        else:
            application.status = "not_qualified"
    if spec.key == "c08":  # one case still before its interview list
        return qualified, []
    invited = qualified[:4]
    declared = {a.id: d for a, d in rows if d is not None}
    for group in ("disability", "cv_gap"):
        members = [a for a in qualified if a.id in declared and getattr(declared[a.id], group)]
        if members and not any(m in invited for m in members):
            invited.append(members[0])
    for application in invited:
        application.status = "invited"
    return qualified, invited


def _case_objects(
    batch: Batch,
    rng: random.Random,
    spec: CaseSpec,
    units: dict[str, Unit],
    organisation: Organisation,
    people: dict[str, User],
    number: int,
) -> None:
    created = BASE - dt.timedelta(days=10 * (12 - number) + 30)
    manager = people[Role.HIRING_MANAGER]
    case = RecruitmentCase(
        id=demo_id("case", spec.key),
        organisation=organisation,
        unit=units["/".join(spec.unit)],
        title=spec.title,
        reason=spec.reason,
        desired_start=(BASE + dt.timedelta(days=60 + number)).date(),
        created_by=manager,
        hiring_manager=manager,
        step=spec.step,
        route="ordinary",
        closed_at=BASE - dt.timedelta(days=number) if spec.step == "closed" else None,
        created_at=created,
        updated_at=created + dt.timedelta(days=5),
    )
    batch.add(case)
    coordinator = people.get(Role.INCLUSION_COORDINATOR)
    if coordinator is not None:
        batch.add(
            Notification(
                id=demo_id("notification", spec.key),
                recipient=coordinator,
                case=case,
                kind="new_case",
                read_at=None if spec.step == "need" else created + dt.timedelta(hours=3),
                created_at=created,
            )
        )
    if not _past(spec, "job_analysis"):
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
            recorded_at=created + dt.timedelta(days=1),
        )
    )
    temporary = spec.reason == "leave_substitute"
    analysis = JobAnalysis(
        id=demo_id("analysis", spec.key),
        case=case,
        tasks=f"Oppgaver som {spec.title.lower()}: saksbehandling, veiledning og samarbeid.",
        competence_profile="Skriver klart og presist\nSamarbeider godt\nTar ansvar for egne saker",
        education_level="Høyere utdanning" if spec.occupation.startswith("2") else "",
        employment_form="temporary" if temporary else "permanent",
        temporary_basis="b" if temporary else "",
        temporary_start=case.desired_start if temporary else None,
        temporary_end=(case.desired_start + dt.timedelta(days=300))
        if temporary and case.desired_start
        else None,
        fte_percent=100,
        reduced_percentage_possible=number % 4 == 0,
        location="Bergen",
        salary_min=560000,
        salary_max=720000,
        occupation_code=spec.occupation,
        updated_by=manager,
        updated_at=created + dt.timedelta(days=2),
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
    if not _past(spec, "ad"):
        return
    published = _past(spec, "applications")
    deadline = (created + dt.timedelta(days=24)).date()
    title, body = ad_text(case, analysis, requirements=requirements)
    batch.add(
        JobAd(
            id=demo_id("ad", spec.key),
            case=case,
            title=title,
            body=body,
            language=organisation.written_standard,
            deadline=deadline,
            channels=["career_site", "nav"],
            questions=DEMO_QUESTIONS,
            published_at=created + dt.timedelta(days=4) if published else None,
            updated_at=created + dt.timedelta(days=3),
        )
    )
    if not published:
        return
    rows = _application_rows(rng, spec, case, created + dt.timedelta(days=5))
    applications = [a for a, _d in rows]
    if _past(spec, "selection"):
        _selection_objects(batch, rng, spec, case, rows, requirements, people, deadline)
    batch.extend(applications)
    batch.extend(d for _a, d in rows if d is not None)


DEMO_QUESTIONS = [
    "Hva gjør deg godt egnet for denne stillingen?",
    "Når kan du begynne?",
]


def _selection_objects(
    batch: Batch,
    rng: random.Random,
    spec: CaseSpec,
    case: RecruitmentCase,
    rows: list[tuple[Application, TargetGroupDeclaration | None]],
    requirements: list[Requirement],
    people: dict[str, User],
    deadline: dt.date,
) -> None:
    _qualified, invited = _select(rng, spec, rows)
    manager = people[Role.HIRING_MANAGER]
    assessed_at = dt.datetime.combine(deadline, dt.time(9), tzinfo=dt.UTC) + dt.timedelta(days=3)
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
                    assessed_at=assessed_at,
                )
            )
        application.status_changed_at = assessed_at
    if not _past(spec, "recommendation"):
        for index, application in enumerate(invited):
            _interview(batch, application, assessed_at, index, held=False)
        return
    for index, application in enumerate(invited):
        _interview(batch, application, assessed_at, index, held=True)
        application.status = "interviewed"
    ranked = invited[:3]
    for application in ranked:
        application.status = "recommended"
    written = assessed_at + dt.timedelta(days=10)
    recommendation = Recommendation(
        id=demo_id("recommendation", spec.key),
        case=case,
        written_by=manager,
        written_at=written,
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
    if not _past(spec, "decision"):
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
            decided_at=written + dt.timedelta(days=5),
        )
    )
    if not _past(spec, "offer"):
        return
    offered_at = written + dt.timedelta(days=7)
    accepted = _past(spec, "onboarding")
    batch.add(
        Offer(
            id=demo_id("offer", spec.key),
            application=chosen,
            terms="Fast stilling, 100 %, lønn etter avtale innenfor lønnsspennet.",
            made_by=people.get(Role.HR_ADVISER),
            sent_at=offered_at,
            response="accepted" if accepted else "pending",
            responded_at=offered_at + dt.timedelta(days=2) if accepted else None,
        )
    )
    chosen.status = "offered"
    if accepted:
        _hire(batch, spec, case, chosen, rows, people, offered_at)


def _interview(
    batch: Batch, application: Application, after: dt.datetime, index: int, *, held: bool
) -> None:
    starts = after + dt.timedelta(days=5 + index // 4, hours=index % 4 * 1.5)
    batch.add(
        Interview(
            id=demo_id("interview", str(application.id)),
            application=application,
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            place="Møterom Fjorden",
            status="held" if held else "scheduled",
            invited_at=after,
        )
    )


def _hire(
    batch: Batch,
    spec: CaseSpec,
    case: RecruitmentCase,
    chosen: Application,
    rows: list[tuple[Application, TargetGroupDeclaration | None]],
    people: dict[str, User],
    offered_at: dt.datetime,
) -> None:
    declaration = next((d for a, d in rows if a is chosen), None)
    consent = declaration is not None and declaration.consent_statistics
    chosen.status = "hired"
    start = case.desired_start or offered_at.date()
    hire = Hire(
        id=demo_id("hire", spec.key),
        case=case,
        application=chosen,
        route=case.route,
        employment_form="temporary" if spec.reason == "leave_substitute" else "permanent",
        fte_percent=100,
        start_date=start,
        target_group_disability=declaration.disability if consent and declaration else None,
        target_group_cv_gap=declaration.cv_gap if consent and declaration else None,
        target_group_route=rule_checks.is_target_group_route(case.route),
        recorded_by=people.get(Role.HR_ADVISER),
        recorded_at=offered_at + dt.timedelta(days=3),
    )
    batch.add(hire)
    plan = OnboardingPlan(
        id=demo_id("onboarding", spec.key),
        hire=hire,
        created_by=case.hiring_manager,
        created_at=hire.recorded_at,
    )
    batch.add(plan)
    batch.extend(
        OnboardingTask(
            id=demo_id("onboarding-task", f"{spec.key}/{index}"),
            plan=plan,
            kind=template.kind,
            title=str(template.title),
            owner=case.hiring_manager,
            due_date=due_date(start, template),
            order=index,
        )
        for index, template in enumerate(ONBOARDING_TEMPLATE)
    )
    if spec.step == "closed":
        closed = case.closed_at or offered_at
        for application, _declaration in rows:
            if application.status in ("hired", "withdrawn"):
                continue
            application.rejection_reason = {
                "not_qualified": "not_qualified",
                "interviewed": "not_ranked",
                "recommended": "position_filled",
            }.get(application.status, "not_shortlisted")
            application.status = "rejected"
            application.replied_at = closed


def demo_recruitment(organisation: Organisation) -> int:
    """Add the demo cases to the demo organisation; returns the number of rows created."""
    units = {
        "/".join(path): unit
        for path in DEMO_UNITS
        for unit in Unit.objects.filter(id=demo_id("unit", "/".join(path)))
    }
    people = _users(organisation)
    if Role.HIRING_MANAGER not in people or len(units) != len(DEMO_UNITS):
        return 0
    rng = random.Random(SEED)  # noqa: S311 - synthetic demo data, not security
    batch = Batch(rows={})
    for number, spec in enumerate(CASES, start=1):
        _case_objects(batch, rng, spec, units, organisation, people, number)
    created = 0
    for model in (
        RecruitmentCase, Notification, NavCheckpoint, JobAnalysis, Requirement, JobAd,
        Application, TargetGroupDeclaration, Assessment, Interview, Recommendation,
        RankedCandidate, Decision, Offer, Hire, OnboardingPlan, OnboardingTask,
    ):  # fmt: skip
        created += _save_missing(model, batch.rows.get(model, []))
    created += _panels(batch.rows.get(Interview, []), people)
    created += _freeze_counts(batch.rows.get(Recommendation, []))
    return created


def _panels(interviews: list[Interview], people: dict[str, User]) -> int:
    panel = [u for role, u in people.items() if role in (Role.HIRING_MANAGER, Role.HR_ADVISER)]
    through = Interview.panel.through
    have = set(
        through.objects.filter(interview_id__in=[i.id for i in interviews]).values_list(
            "interview_id", flat=True
        )
    )
    rows = [
        through(interview_id=i.id, user_id=u.id)
        for i in interviews
        if i.id not in have
        for u in panel
    ]
    through.objects.bulk_create(rows)
    return 0  # panel links are not counted as objects


def _freeze_counts(recommendations: list[Recommendation]) -> int:
    """SEL-REC-COUNTS on the demo data, through the rules, once per recommendation."""
    for recommendation in Recommendation.objects.filter(
        id__in=[r.id for r in recommendations], target_group_counts={}
    ).select_related("case__organisation"):
        ranked = recommendation.candidates.order_by("rank").values_list("application_id", flat=True)
        recommendation.target_group_counts = rule_checks.target_group_counts(
            recommendation.case, ranked=list(ranked)
        )
        recommendation.save(update_fields=["target_group_counts"])
    return 0


def demo_case_ids() -> list[uuid.UUID]:
    return [demo_id("case", spec.key) for spec in CASES]
