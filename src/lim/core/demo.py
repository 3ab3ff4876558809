"""The demo organisation: a fictional state agency with one user per role.

Deterministic: fixed ids (uuid5) and update-or-create, so loading it twice leaves the
same data. Other apps extend the demo by adding a loader to DEMO_LOADERS.

Dates are counted from the day the demo is first loaded (its *demo day*: open ads with
deadlines in the coming weeks, interviews held last week and scheduled next week). The
demo day is written in the first `demo.load` audit event, and later loads use it again,
so loading the demo on a later day changes nothing either.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from lim.core.audit import audit_record
from lim.core.models import AuditEvent, Organisation, Role, RoleAssignment, Sector, Unit, User

DEMO_NAMESPACE = uuid.UUID("6f1c9a52-3c1e-4f8e-9d0a-2b7d1e5c4a10")
DEMO_PASSWORD = "lim-demo-2026"  # documented in README.md; demo data only
DEMO_ORG_NUMBER = "991000003"

# (path, ...) – a unit's path is its name and its ancestors' names.
DEMO_UNITS: tuple[tuple[str, ...], ...] = (
    ("Fjordvik direktorat",),
    ("Fjordvik direktorat", "Divisjon for tjenester"),
    ("Fjordvik direktorat", "Divisjon for tjenester", "Avdeling for saksbehandling"),
    (
        "Fjordvik direktorat",
        "Divisjon for tjenester",
        "Avdeling for saksbehandling",
        "Seksjon for klagesaker",
    ),
    (
        "Fjordvik direktorat",
        "Divisjon for tjenester",
        "Avdeling for saksbehandling",
        "Seksjon for veiledning",
    ),
    ("Fjordvik direktorat", "Divisjon for tjenester", "Avdeling for analyse"),
    ("Fjordvik direktorat", "Divisjon for virksomhetsstyring"),
    ("Fjordvik direktorat", "Divisjon for virksomhetsstyring", "HR-avdelingen"),
    ("Fjordvik direktorat", "Divisjon for virksomhetsstyring", "Økonomiavdelingen"),
    ("Fjordvik direktorat", "IT-avdelingen"),
)


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: Role
    unit: tuple[str, ...]
    language: str = "nb"


ROOT = DEMO_UNITS[0]
SERVICES = DEMO_UNITS[1]
CASEWORK = DEMO_UNITS[2]

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin@fjordvik.example", "Astrid Haugen", Role.ADMINISTRATOR, ROOT),
    DemoUser("leder@fjordvik.example", "Ingrid Solberg", Role.HIRING_MANAGER, CASEWORK),
    DemoUser("hr@fjordvik.example", "Sara Mohammadi", Role.HR_ADVISER, SERVICES),
    DemoUser("inkludering@fjordvik.example", "Ola Bakken", Role.INCLUSION_COORDINATOR, ROOT),
    DemoUser("tillitsvalgt@fjordvik.example", "Trude Lie", Role.UNION_REPRESENTATIVE, ROOT, "nn"),
    DemoUser("ansettelsesrad@fjordvik.example", "Per Johansen", Role.HIRING_COUNCIL, SERVICES),
    DemoUser("likestilling@fjordvik.example", "Nina Berg", Role.EQUALITY_ANALYST, ROOT),
    DemoUser("ansatt@fjordvik.example", "Jonas Eriksen", Role.EMPLOYEE, DEMO_UNITS[4], "en"),
)

DIVERSITY_STATEMENT = (
    "Fjordvik direktorat ønsker å gjenspeile mangfoldet i befolkningen og å ha "
    "medarbeidere med ulik kompetanse og erfaring. Vi oppfordrer kvalifiserte kandidater "
    "til å søke, uavhengig av kjønn, alder, funksjonsevne, nasjonal eller etnisk "
    "bakgrunn. Vi tilrettelegger for medarbeidere med nedsatt funksjonsevne. Har du hull "
    "i CV-en eller nedsatt funksjonsevne, kan du krysse av for det i søknaden."
)


def demo_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


OSLO = ZoneInfo("Europe/Oslo")
# Demos loaded before dates were relative were all built around this day.
LEGACY_DEMO_DAY = dt.date(2026, 1, 12)

DemoLoader = Callable[[Organisation, dt.date], int]
# Other apps register loaders that add their demo data, dated relative to the demo day
# (the second argument); each returns how many objects it made.
DEMO_LOADERS: list[DemoLoader] = []


def local_today() -> dt.date:
    """Today in Norway, where the demo organisation is."""
    return timezone.now().astimezone(OSLO).date()


def demo_day(organisation: Organisation) -> dt.date | None:
    """The day the demo organisation's dates are counted from; None before the first load."""
    first = (
        AuditEvent.objects.filter(organisation=organisation, action="demo.load")
        .order_by("id")
        .first()
    )
    if first is None:
        return None
    day = first.details.get("today")
    return dt.date.fromisoformat(day) if isinstance(day, str) else LEGACY_DEMO_DAY


def demo_at(day: dt.date, days: int, hour: int = 8, minutes: int = 0) -> dt.datetime:
    """`days` after the demo day (before it when negative), at `hour` o'clock in Norway."""
    return dt.datetime.combine(day + dt.timedelta(days=days), dt.time(hour, minutes), tzinfo=OSLO)


@transaction.atomic
def demo_load(today: dt.date | None = None) -> tuple[Organisation, int]:
    """Load the demo organisation; returns it and the number of objects made.

    The first load counts its dates from `today` (default: today in Norway); later loads
    keep that day and only add what is missing, so they change nothing.
    """
    created = 0
    organisation, made = Organisation.objects.update_or_create(
        id=demo_id("organisation", DEMO_ORG_NUMBER),
        defaults={
            "name": "Fjordvik direktorat",
            "org_number": DEMO_ORG_NUMBER,
            "sector": Sector.STATE,
            "diversity_statement": DIVERSITY_STATEMENT,
            "postal_code": "6900",
            "postal_town": "Florø",
        },
    )
    created += made
    units: dict[tuple[str, ...], Unit] = {}
    for path in DEMO_UNITS:
        unit, made = Unit.objects.update_or_create(
            id=demo_id("unit", "/".join(path)),
            defaults={
                "organisation": organisation,
                "parent": units.get(path[:-1]),
                "name": path[-1],
            },
        )
        units[path] = unit
        created += made
    for spec in DEMO_USERS:
        user, made = User.objects.update_or_create(
            id=demo_id("user", spec.email),
            defaults={"email": spec.email, "full_name": spec.full_name, "language": spec.language},
        )
        # Hashes are salted: only set the password when it is not already the demo one.
        if made or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        _, made_role = RoleAssignment.objects.get_or_create(
            id=demo_id("role", f"{spec.email}/{spec.role}"),
            defaults={"user": user, "unit": units[spec.unit], "role": spec.role},
        )
        created += made + made_role
    day = demo_day(organisation) or today or local_today()
    for loader in DEMO_LOADERS:
        created += loader(organisation, day)
    if created:
        audit_record(
            actor=None,
            action="demo.load",
            obj=organisation,
            details={"created": created, "today": day.isoformat()},
        )
    return organisation, created
