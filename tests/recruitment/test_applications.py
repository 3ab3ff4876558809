"""Receiving applications: duplicates, NAV referrals, declarations, withdrawal."""

from __future__ import annotations

import datetime as dt

import pytest

from lim.core.errors import DomainError
from lim.core.models import AuditEvent
from lim.recruitment.models import TargetGroupDeclaration
from lim.recruitment.services import applications
from lim.recruitment.services.applications import AbsencePeriod, DeclarationInput
from tests.recruitment.conftest import NOW, People, apply, open_case, published_case


def test_second_active_application_with_same_email_is_refused(people: People) -> None:
    case = published_case(people)
    first = apply(case, "Amina Hassan")
    with pytest.raises(DomainError) as error:
        applications.application_create(
            actor=None, case=case, name="Amina H.", email=" AMINA.Hassan@Example.org ", now=NOW
        )
    assert error.value.field == "email"
    assert case.applications.count() == 1
    # After a withdrawal the applicant may apply again.
    applications.application_withdraw(actor=None, application=first, now=NOW)
    again = applications.application_create(
        actor=None, case=case, name="Amina Hassan", email="amina.hassan@example.org", now=NOW
    )
    assert again.status == "new"


def test_case_not_yet_published_receives_no_applications(people: People) -> None:
    case = open_case(people)
    with pytest.raises(DomainError):
        apply(case, "Ola Nordmann")


def test_nav_referral_needs_the_nav_contact(people: People) -> None:
    case = published_case(people)
    with pytest.raises(DomainError) as error:
        applications.application_create(
            actor=people.coordinator,
            case=case,
            name="Per Berg",
            email="p@example.org",
            source="nav",
            now=NOW,
        )
    assert error.value.field == "nav_contact"
    referred = apply(case, "Per Berg", source="nav")
    assert referred.nav_contact == "NAV Bergen, Kari Veileder"


def test_withdrawal_is_audited_and_final(people: People) -> None:
    case = published_case(people)
    application = apply(case, "Lise Moe")
    applications.application_withdraw(actor=None, application=application, now=NOW)
    application.refresh_from_db()
    assert application.status == "withdrawn"
    event = AuditEvent.objects.get(action="application.status")
    assert event.actor is None
    assert event.details["status"] == {"old": "new", "new": "withdrawn"}
    with pytest.raises(DomainError):
        applications.application_withdraw(actor=None, application=application, now=NOW)


def test_cv_gap_is_computed_from_the_periods_with_reasons_in_every_language(
    people: People,
) -> None:
    case = published_case(people)
    application = applications.application_create(
        actor=None,
        case=case,
        name="Jonas Lie",
        email="jonas@example.org",
        declaration=DeclarationInput(
            cv_gap_periods=[AbsencePeriod(dt.date(2022, 1, 1), dt.date(2024, 6, 30), "illness")],
            current_employment={"kind": "none"},
            consent_statistics=True,
        ),
        now=NOW,
    )
    declaration = TargetGroupDeclaration.objects.get(application=application)
    assert declaration.cv_gap is True
    assert declaration.cv_gap_result["qualifying_absence_days"] == 912
    assert set(declaration.cv_gap_result["reasons"]) == {"nb", "nn", "en"}
    assert declaration.cv_gap_periods[0]["cause"] == "illness"
    # The audit log says a declaration came with it, never what it says.
    event = AuditEvent.objects.get(action="application.create")
    assert event.details == {"case": str(case.id), "source": "portal", "declared": True}


def test_short_gap_does_not_place_the_applicant_in_the_group(people: People) -> None:
    case = published_case(people)
    application = applications.application_create(
        actor=None,
        case=case,
        name="Kim Ås",
        email="kim@example.org",
        declaration=DeclarationInput(
            cv_gap_periods=[
                AbsencePeriod(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "job_seeking")
            ]
        ),
        now=NOW,
    )
    assert application.declaration.cv_gap is False
