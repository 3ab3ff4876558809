"""The demo's applicants: synthetic people with a mix of sources, languages and
target-group declarations, and the screening outcome that meets the interview duty."""

from __future__ import annotations

import datetime as dt
import random

from lim.core.demo import demo_id
from lim.recruitment.demo.cases import CaseSpec, Timeline
from lim.recruitment.models import Application, RecruitmentCase, TargetGroupDeclaration

Row = tuple[Application, TargetGroupDeclaration | None]

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


def application_rows(
    rng: random.Random, spec: CaseSpec, case: RecruitmentCase, when: Timeline
) -> list[Row]:
    rows = []
    for index in range(spec.applications):
        first, gender = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        roll = rng.random()
        source = "nav" if roll < 0.08 else "hr" if roll < 0.16 else "portal"
        language = rng.choices(("nb", "nn", "en"), weights=(80, 12, 8))[0]
        key = f"{spec.key}/{index:03d}"
        submitted = when.submitted(index, spec.applications)
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
            submitted_at=submitted,
            status_changed_at=submitted,
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


def select(
    rng: random.Random, spec: CaseSpec, rows: list[Row]
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
    if not spec.interview_list:
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
