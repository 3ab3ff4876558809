"""Retention: applications are deleted when the period after the case closed has run
out (120 days not interviewed, 540 interviewed, by default), withdrawn ones at once; the
hired applicant's record keeps only what the hire needs; the counts survive."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from lim.core.models import AuditEvent
from lim.equality.selectors import recruitment_from_cases
from lim.portal.models import ApplicationDocument
from lim.recruitment.models import (
    Application,
    Hire,
    Interview,
    RecruitmentCase,
    TargetGroupDeclaration,
)
from lim.recruitment.services import hiring, recommendation
from lim.recruitment.services.retention import retention_apply
from tests.recruitment.conftest import People
from tests.recruitment.test_hiring import LATER, _interviewed, _recommend

pytestmark = pytest.mark.django_db

CLOSED = LATER.date()


def _closed_case(people: People) -> tuple[RecruitmentCase, dict[str, Application]]:
    """Ola and Sofie interviewed (Sofie hired), Chris not qualified, Nora never assessed,
    Lise withdrawn; the case closed on CLOSED."""
    case, apps = _interviewed(people)
    _recommend(people, case, apps)
    recommendation.decision_record(
        actor=people.manager, case=case, chosen=apps["second"], text="Ansettes", now=LATER
    )
    offer = hiring.offer_make(actor=people.hr, case=case, terms="Fast, 100 %", now=LATER)
    hiring.offer_respond(actor=None, offer=offer, accepted=True, now=LATER)
    hiring.hire_record(actor=people.hr, offer=offer, start_date=dt.date(2026, 6, 1), now=LATER)
    hiring.case_close(actor=people.hr, case=case, now=LATER)
    return case, apps


def _names(case: RecruitmentCase) -> set[str]:
    return set(case.applications.values_list("name", flat=True))


def test_deletion_follows_the_periods_and_the_counts_survive(people: People) -> None:
    case, apps = _closed_case(people)
    year = LATER.year
    before = recruitment_from_cases(organisation=case.organisation, year=year)
    everyone = {"Ola Nordmann", "Sofie Dahl", "Chris Brown", "Nora Berg", "Lise Moe"}
    assert _names(case) == everyone

    # The withdrawn application goes at once; nothing else before 120 days have passed.
    retention_apply(today=CLOSED + dt.timedelta(days=1))
    assert _names(case) == everyone - {"Lise Moe"}
    retention_apply(today=CLOSED + dt.timedelta(days=120))
    assert _names(case) == everyone - {"Lise Moe"}

    # Day 121: those not interviewed are deleted.
    summary = retention_apply(today=CLOSED + dt.timedelta(days=121))
    assert (summary.deleted, summary.anonymised) == (2, 0)
    assert _names(case) == {"Ola Nordmann", "Sofie Dahl"}

    # Day 541: the interviewed Ola is deleted; the hired Sofie keeps only her hire record.
    summary = retention_apply(today=CLOSED + dt.timedelta(days=541))
    assert (summary.deleted, summary.anonymised) == (1, 1)
    sofie = Application.objects.get()
    assert sofie.name == "Sofie Dahl" and sofie.anonymised_at is not None
    assert (sofie.email, sofie.phone, sofie.cover_letter, sofie.birth_date) == ("", "", "", None)
    assert not TargetGroupDeclaration.objects.exists()
    assert not Interview.objects.exists()
    hire = Hire.objects.get()
    assert hire.application_id == apps["second"].id
    assert hire.target_group_disability is True  # the inclusion figures keep their count

    # The equality statement counts the same applicants as before (the withdrawn never).
    after = recruitment_from_cases(organisation=case.organisation, year=year)
    assert after == before
    events = AuditEvent.objects.filter(action="retention.apply")
    assert [e.details["deleted"] for e in events.order_by("at", "id")] == [1, 2, 1]
    assert "Sofie" not in str([e.details for e in events])

    # Running again changes nothing.
    assert retention_apply(today=CLOSED + dt.timedelta(days=600)).cases == 0


def test_the_organisations_periods_are_used(people: People) -> None:
    case, _apps = _closed_case(people)
    organisation = case.organisation
    organisation.retention_days_not_interviewed = 30
    organisation.save()
    retention_apply(today=CLOSED + dt.timedelta(days=31))
    assert _names(case) == {"Ola Nordmann", "Sofie Dahl"}


def test_an_open_case_keeps_its_applications(people: People) -> None:
    from tests.recruitment.conftest import apply, published_case

    case = published_case(people)
    apply(case, "Ola Nordmann")
    assert retention_apply(today=dt.date(2030, 1, 1)).deleted == 0
    assert _names(case) == {"Ola Nordmann"}


def test_deleted_documents_leave_the_disk(
    people: People, settings: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    _case, apps = _closed_case(people)
    document = ApplicationDocument(
        application=apps["new"],
        kind="cv",
        original_name="cv.pdf",
        file_type="pdf",
        size=9,
        uploaded_at=LATER,
    )
    document.file.save("cv.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    path = tmp_path / document.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(today=CLOSED + dt.timedelta(days=121))
    assert not path.exists()


def test_the_command_counts_first_with_dry_run_and_refuses_a_bad_date(people: People) -> None:
    case, _apps = _closed_case(people)
    out = StringIO()
    call_command(
        "retention", "--today", str(CLOSED + dt.timedelta(days=121)), "--dry-run", stdout=out
    )
    assert "3 applications would be deleted and 0 hired" in out.getvalue()
    assert len(_names(case)) == 5  # a dry run changes nothing
    out = StringIO()
    call_command("retention", "--today", str(CLOSED + dt.timedelta(days=121)), stdout=out)
    assert "3 applications deleted and 0 hired applicants' details removed, in 1 cases" in (
        out.getvalue()
    )
    with pytest.raises(CommandError, match="is not a date"):
        call_command("retention", "--today", "31.12.2026")
