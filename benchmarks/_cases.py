"""The case the benchmarks (and the concurrency test) work on: an organisation, a unit
with a hiring manager, an HR adviser and an inclusion coordinator, and a case whose ad is
published on the career site, all made through the services.

Imported by the benchmarks after `django.setup()`. Run as a script with the server's
environment (LIM_DATA_DIR, DATABASE_URL, SECRET_KEY...) it publishes one case in that
database, with a deadline 14 days from today, and prints the ad's id:

    .venv/bin/python benchmarks/_cases.py
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "benchmark-password-0123"


@dataclass(frozen=True)
class Published:
    case: Any  # RecruitmentCase
    ad: Any  # JobAd
    manager: Any  # User, the case's hiring manager


def publish_case(title: str, *, now: dt.datetime, deadline: dt.date) -> Published:
    """A new unit with its three people and a case in it whose ad is open until
    `deadline`. The organisation is the database's first, or a new one."""
    from lim.core import services as core
    from lim.core.models import Organisation, Role
    from lim.recruitment.services import ads, cases, job_analysis
    from lim.recruitment.services.job_analysis import RequirementInput

    organisation = Organisation.objects.first() or core.organisation_create(
        actor=None, name="Benkmarketaten", org_number="992000007", sector="state"
    )
    unit = core.unit_create(actor=None, organisation=organisation, name=title)
    suffix = uuid.uuid4().hex[:8]

    def person(role: str, name: str) -> Any:
        user = core.user_create(
            actor=None,
            organisation=None,
            email=f"{role}-{suffix}@bench.example",
            full_name=name,
            password=PASSWORD,
            language="nb",
        )
        core.role_assign(actor=None, user=user, unit=unit, role=role)
        return user

    manager = person(Role.HIRING_MANAGER, "Mona Leder")
    hr = person(Role.HR_ADVISER, "Hanne HR")
    coordinator = person(Role.INCLUSION_COORDINATOR, "Ibrahim Inkludering")
    case = cases.case_open(
        actor=manager, unit=unit, title=title, reason="new_position", desired_start=None, now=now
    )
    cases.nav_checkpoint_record(
        actor=coordinator,
        case=case,
        can_target_group_fill="yes",
        ask_nav=True,
        reason="Oppgavene kan løses med tilrettelegging.",
        route="ordinary",
        now=now,
    )
    job_analysis.job_analysis_save(
        actor=manager,
        case=case,
        tasks="Behandle klagesaker.\nVeilede publikum.",
        competence_profile="Skriver klart\nSamarbeider godt",
        employment_form="permanent",
        fte_percent=100,
        location="Bergen",
        requirements=[
            RequirementInput("Mastergrad i rettsvitenskap", "must", "Juridisk metode"),
            RequirementInput("Erfaring fra forvaltningen", "should", "Kjenner saksgangen"),
        ],
        now=now,
    )
    ad = ads.ad_generate(actor=hr, case=case, now=now)
    ads.ad_update(
        actor=hr,
        ad=ad,
        title=ad.title,
        body=ad.body,
        deadline=deadline,
        channels=["career_site", "nav"],
        now=now,
    )
    ads.ad_publish(actor=hr, ad=ad, now=now)
    case.refresh_from_db()
    ad.refresh_from_db()
    return Published(case, ad, manager)


def applicant_fields(serial: int, idempotency_key: str) -> dict[str, str]:
    """The career-site form as an applicant fills it in (without the CV and the CSRF
    token), with a unique e-mail address."""
    return {
        "idempotency_key": idempotency_key,
        "name": f"Søker {serial}",
        "email": f"soker{serial}.{uuid.uuid4().hex[:8]}@example.org",
        "phone": "+47 900 00 000",
        "birth_date": "17.05.1990",
        "address": "Storgata 1",
        "postal_code": "5003",
        "municipality": "Bergen",
        "occupation": "Rådgiver",
        "gender": "woman",
        "cover_letter": "Jeg vil gjerne jobbe hos dere.",
        "education": "Master i rettsvitenskap, UiB, 2015",
        "experience": "Rådgiver, Statsforvalteren, 2015–2024",
        "current_employment": "none",
        "consent": "on",
    }


def publish_open_case() -> str:
    """In the database the environment names: a case open until 14 days from today.
    The ad's id. Closes the connections, so a server can start afterwards."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lim.settings")
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    django.setup()
    from django.db import connections
    from django.utils import timezone

    now = timezone.now()
    published = publish_case(
        "Rådgiver klagesaker", now=now, deadline=timezone.localdate(now) + dt.timedelta(days=14)
    )
    connections.close_all()
    return str(published.ad.pk)


if __name__ == "__main__":
    print(publish_open_case())
