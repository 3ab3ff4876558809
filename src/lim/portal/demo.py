"""The career site's part of the demo: the demo's career-site applications get the
position or occupation the public list shows, and a few ask to be left off it, so the
public applicant list page has requests to decide. Deterministic, safe to run again."""

from __future__ import annotations

import datetime as dt
import hashlib

from lim.core.demo import demo_id
from lim.core.models import Organisation
from lim.portal.models import PortalSubmission
from lim.recruitment.models import Application, ApplicationSource, CaseStep

OCCUPATIONS = (
    "Rådgiver",
    "Seniorrådgiver",
    "Saksbehandler",
    "Konsulent",
    "Student",
    "Jurist",
    "Økonom",
    "Prosjektleder",
    "Arbeidssøker",
    "Lærer",
)
REASONS = (
    "Arbeidsgiveren min vet ikke at jeg søker.",
    "Jeg er i en sårbar situasjon på arbeidsplassen min nå.",
)
# Cases still before publication of the list: requests there are left for HR to decide.
ASKING_STEPS = (CaseStep.APPLICATIONS, CaseStep.SELECTION)


def _roll(application: Application, salt: str) -> int:
    digest = hashlib.sha256(f"{salt}:{application.pk}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def demo_portal(organisation: Organisation, today: dt.date) -> int:
    """Add a career-site submission to each career-site application of the demo that has
    none (`today`, the demo day, is not needed: submissions carry no dates of their own);
    returns the number made."""
    applications = (
        Application.objects.filter(
            case__organisation=organisation,
            source=ApplicationSource.PORTAL,
            portal_submission__isnull=True,
        )
        .select_related("case")
        .order_by("id")
    )
    made = []
    for application in applications:
        asks = application.case.step in ASKING_STEPS and _roll(application, "exempt") % 40 == 0
        made.append(
            PortalSubmission(
                id=demo_id("portal-submission", str(application.pk)),
                application=application,
                idempotency_key=demo_id("portal-key", str(application.pk)),
                occupation=OCCUPATIONS[_roll(application, "occupation") % len(OCCUPATIONS)],
                exemption_requested=asks,
                exemption_reason=REASONS[_roll(application, "reason") % len(REASONS)]
                if asks
                else "",
            )
        )
    PortalSubmission.objects.bulk_create(made, batch_size=500)
    return len(made)
