"""When retention ends for a case whose hired applicant came through the career site,
nothing personal is left in the database but the hire record: not the career site's
submission, documents, links, declarations, interview notes, references, exemption
request, the published list nor the recommendation's texts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult

from lim.core.models import AuditEvent
from lim.portal.models import (
    AccessToken,
    ApplicantListPublication,
    ApplicationDocument,
    PortalSubmission,
)
from lim.portal.services.applicant_list import exemption_decide
from lim.recruitment.models import Application, Hire, Interview, RecruitmentCase
from lim.recruitment.services import hiring, interviews, recommendation
from lim.recruitment.services.retention import retention_apply
from tests.recruitment.conftest import People
from tests.recruitment.test_hiring import LATER, _interviewed, _recommend

pytestmark = pytest.mark.django_db

CLOSED = LATER.date()

# Strings that exist only in the applicants' data; none may survive retention.
TRACES = [
    "Ola Nordmann",
    "Chris Brown",
    "Nora Berg",
    "Lise Moe",
    "sofie.dahl@example.org",
    "+47 912 34 567",
    "Sofies vei 7",
    "NAV Bergen",
    "5003",
    "Seniorrådgiver hos Statsforvalteren",
    "Min nåværende arbeidsgiver vet ikke",
    "Fritak innvilget: arbeidsgiver",
    "sofie-cv.pdf",
    "Kari Referent",
    "+47 400 00 000",
    "Svært pålitelig",
    "Trenger skjermlys",
    "God på saksbehandling",
    "Sterk faglig, noe kortere erfaring",
    "Best på juridisk metode",
    "Vi støtter innstillingen av Sofie",
    "Sofie Dahl tilbys stillingen",
    "Fast, 100 %, lønnstrinn 60",
]


def _hired_through_the_career_site(people: People) -> tuple[RecruitmentCase, Application]:
    case, apps_ = _interviewed(people)
    sofie = apps_["second"]
    Application.objects.filter(pk=sofie.pk).update(
        phone="+47 912 34 567",
        address="Sofies vei 7",
        birth_date=dt.date(1990, 5, 17),
        nav_contact="NAV Bergen, Kari Veileder",
    )
    sofie.refresh_from_db()
    PortalSubmission.objects.create(
        application=sofie,
        idempotency_key=uuid.uuid4(),
        postal_code="5003",
        occupation="Seniorrådgiver hos Statsforvalteren",
        exemption_requested=True,
        exemption_reason="Min nåværende arbeidsgiver vet ikke at jeg søker.",
    )
    exemption_decide(
        actor=people.hr,
        case=case,
        application=sofie,
        decision="granted",
        justification="Fritak innvilget: arbeidsgiver kjenner ikke til søknaden.",
        link_for=str,
        now=LATER,
    )
    document = ApplicationDocument(
        application=sofie,
        kind="cv",
        original_name="sofie-cv.pdf",
        file_type="pdf",
        size=9,
        uploaded_at=LATER,
    )
    document.file.save("x", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    AccessToken.objects.create(
        application=sofie, token_hash="a" * 64, created_at=LATER, expires_at=LATER
    )
    ApplicantListPublication.objects.create(
        case=case,
        entries=[{"name": "Ola Nordmann"}, {"name": "Chris Brown"}, {"name": "Nora Berg"}],
        total=4,
        exempted=1,
        published_at=LATER,
    )
    interview = sofie.interviews.get()
    Interview.objects.filter(pk=interview.pk).update(accommodation_answer="Trenger skjermlys")
    criterion = interviews.interview_guide_generate(actor=people.manager, case=case, now=LATER)[0]
    interviews.interview_score_record(
        actor=people.manager,
        interview=interview,
        criterion=criterion,
        score=4,
        note="God på saksbehandling",
        now=LATER,
    )
    interviews.reference_check_record(
        actor=people.manager,
        application=sofie,
        referee_name="Kari Referent",
        referee_relation="Leder",
        referee_phone="+47 400 00 000",
        answers=["Svært pålitelig"] + [""] * (len(interviews.REFERENCE_QUESTIONS) - 1),
        now=LATER,
    )
    _recommend(people, case, apps_)
    recommendation.union_remark_add(
        actor=people.union, case=case, text="Vi støtter innstillingen av Sofie.", now=LATER
    )
    recommendation.decision_record(
        actor=people.manager,
        case=case,
        chosen=sofie,
        text="Sofie Dahl tilbys stillingen.",
        now=LATER,
    )
    offer = hiring.offer_make(
        actor=people.hr, case=case, terms="Fast, 100 %, lønnstrinn 60", now=LATER
    )
    hiring.offer_respond(actor=None, offer=offer, accepted=True, now=LATER)
    hiring.hire_record(actor=people.hr, offer=offer, start_date=dt.date(2026, 6, 1), now=LATER)
    hiring.case_close(actor=people.hr, case=case, now=LATER)
    return case, sofie


def _everything_stored() -> dict[str, str]:
    """Every row of every model, as text. The task queue is left out: its own rule prunes
    finished tasks (the e-mails) a day after they ran (lim.core.tasks)."""
    stored: dict[str, str] = {}
    for model in apps.get_models():
        if model is DBTaskResult:
            continue
        rows: list[Any] = list(model._default_manager.values())
        stored[model._meta.label] = str(rows)
    return stored


def test_retention_leaves_only_what_the_hire_record_needs(
    people: People, settings: Any, tmp_path: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case, sofie = _hired_through_the_career_site(people)
    before = _everything_stored()
    for trace in TRACES:  # the traces are really there to begin with
        assert any(trace in text for text in before.values()), trace
    assert list(tmp_path.rglob("*"))  # the CV on disk

    with django_capture_on_commit_callbacks(execute=True):
        retention_apply(today=CLOSED + dt.timedelta(days=541))

    after = _everything_stored()
    left = {trace: [label for label, text in after.items() if trace in text] for trace in TRACES}
    assert {trace: labels for trace, labels in left.items() if labels} == {}
    # The hired person's name stays on the hire's application only.
    named = [label for label, text in after.items() if "Sofie" in text]
    assert named == ["recruitment.Application"]
    sofie = Application.objects.get()
    assert sofie.anonymised_at is not None
    assert Hire.objects.get().application_id == sofie.pk
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # the CV left the disk
    assert AuditEvent.objects.filter(action="retention.apply", object_id=str(case.pk)).exists()


def test_the_cases_records_stay_while_anyone_but_the_hire_is_left(people: People) -> None:
    case, _sofie = _hired_through_the_career_site(people)
    # Day 121: only those never interviewed are gone; Ola (interviewed) is kept 540 days.
    retention_apply(today=CLOSED + dt.timedelta(days=121))
    assert ApplicantListPublication.objects.filter(case=case).exists()
    assert case.recommendation.union_remarks.exists()
    assert case.recommendation.comment


def test_an_open_case_keeps_its_records_when_its_applicants_withdraw(people: People) -> None:
    from lim.recruitment.services.applications import application_withdraw
    from tests.recruitment.conftest import apply, published_case

    case = published_case(people)
    only = apply(case, "Ola Nordmann")
    ApplicantListPublication.objects.create(
        case=case, entries=[], total=1, exempted=0, published_at=LATER
    )
    application_withdraw(actor=None, application=only, now=LATER)
    retention_apply(today=CLOSED)
    assert not Application.objects.filter(case=case).exists()
    assert ApplicantListPublication.objects.filter(case=case).exists()  # the case is open
