"""One application: blind mode, the declaration for those who need it (audited),
assessment per requirement and the decision on qualification."""

from __future__ import annotations

from lim.core.models import AuditEvent
from lim.recruitment.models import Requirement
from lim.recruitment.services import applications
from lim.recruitment.services.applications import DeclarationInput
from tests.recruitment_web.conftest import (
    NOW,
    People,
    app_url,
    as_user,
    in_selection,
    published_case,
)


def _sofie(people: People) -> object:
    case = published_case(people)
    return applications.application_create(
        actor=None,
        case=case,
        name="Sofie Dahl",
        email="sofie@example.org",
        gender="woman",
        cover_letter="Jeg heter Sofie Dahl og har jobbet med klagesaker i ti år.\nHilsen Sofie",
        declaration=DeclarationInput(disability=True, immigrant_background=True),
        now=NOW,
    )


def test_manager_sees_the_declaration_and_the_view_is_audited(people: People) -> None:
    application = _sofie(people)
    page = as_user(people.manager).get(app_url("application_detail", application)).content.decode()
    assert "Target-group declaration" in page
    assert "Disability needing accommodation" in page
    # Immigrant background is ethnic origin (GDPR art. 9): not per named applicant for
    # the hiring manager, nor for HR.
    assert "Immigrant background" not in page
    event = AuditEvent.objects.get(action="declaration.view")
    assert event.actor == people.manager
    assert event.details == {"scope": "full"}
    hr_page = as_user(people.hr).get(app_url("application_detail", application)).content.decode()
    assert "Target-group declaration" in hr_page
    assert "Immigrant background" not in hr_page


def test_inclusion_coordinator_sees_immigrant_background_and_each_view_is_audited(
    people: People,
) -> None:
    application = _sofie(people)
    client = as_user(people.coordinator)
    for _view in range(2):
        page = client.get(app_url("application_detail", application)).content.decode()
        assert "Immigrant background" in page
    events = AuditEvent.objects.filter(action="declaration.view", actor=people.coordinator)
    assert [e.details for e in events] == [{"scope": "full", "immigrant_background": True}] * 2


def test_union_rep_sees_only_the_two_booleans(people: People) -> None:
    application = _sofie(people)
    page = as_user(people.union).get(app_url("application_detail", application)).content.decode()
    assert "Disability needing accommodation" in page
    assert "Gap in the CV" in page
    assert "Immigrant background" not in page
    assert "Consent to use for statistics" not in page
    assert AuditEvent.objects.get(action="declaration.view").details == {"scope": "existence"}


def test_hiring_council_sees_no_declaration_and_nothing_is_logged_as_viewed(
    people: People,
) -> None:
    application = _sofie(people)
    page = as_user(people.council).get(app_url("application_detail", application)).content.decode()
    assert "Target-group declaration" not in page
    assert not AuditEvent.objects.filter(action__startswith="declaration.").exists()


def test_blind_mode_hides_the_name_in_the_cover_letter_and_the_gender(people: People) -> None:
    application = _sofie(people)
    page = (
        as_user(people.manager)
        .get(app_url("application_detail", application), {"blind": "on"})
        .content.decode()
    )
    assert "Sofie" not in page
    assert "Dahl" not in page
    assert "Woman" not in page
    assert "sofie@example.org" not in page
    assert "Jeg heter [name] og har jobbet med klagesaker" in page


def test_assessment_per_requirement_then_qualified(people: People) -> None:
    application = _sofie(people)
    in_selection(people, application.case)  # type: ignore[attr-defined]
    requirements = Requirement.objects.filter(job_analysis__case=application.case)  # type: ignore[attr-defined]
    data = {f"result_{r.id}": "met" for r in requirements}
    data.update({f"note_{r.id}": "Dokumentert" for r in requirements})
    client = as_user(people.manager)
    response = client.post(app_url("application_assess", application), {**data, "blind": "on"})
    assert response.status_code == 302
    assert response["Location"].endswith("?blind=on")
    response = client.post(app_url("application_qualify", application), {})
    assert response.status_code == 302
    application.refresh_from_db()  # type: ignore[attr-defined]
    assert application.status == "qualified"  # type: ignore[attr-defined]


def test_override_without_justification_is_shown_in_the_error_summary(people: People) -> None:
    application = _sofie(people)
    in_selection(people, application.case)  # type: ignore[attr-defined]
    response = as_user(people.manager).post(
        app_url("application_qualify", application), {"override": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page


def test_read_only_roles_cannot_assess_reject_or_withdraw(people: People) -> None:
    application = _sofie(people)
    client = as_user(people.union)
    for name in ("application_assess", "application_qualify", "application_reject"):
        assert client.post(app_url(name, application), {}).status_code == 404
    assert client.post(app_url("application_withdraw", application)).status_code == 404
    assert (
        as_user(people.manager).get(app_url("application_reject", application)).status_code == 405
    )


def test_hr_rejects_and_records_withdrawal(people: People) -> None:
    application = _sofie(people)
    client = as_user(people.hr)
    response = client.post(app_url("application_withdraw", application))
    assert response.status_code == 302
    again = client.post(app_url("application_withdraw", application))
    assert "can no longer be withdrawn" in again.content.decode()


def test_read_only_roles_see_the_assessment_in_words(people: People) -> None:
    application = _sofie(people)
    in_selection(people, application.case)  # type: ignore[attr-defined]
    first, *others = Requirement.objects.filter(job_analysis__case=application.case)  # type: ignore[attr-defined]
    data = {f"result_{first.id}": "not_met", **{f"result_{r.id}": "met" for r in others}}
    as_user(people.manager).post(app_url("application_assess", application), data)
    page = as_user(people.union, "nb").get(app_url("application_detail", application))
    text = page.content.decode()
    assert f"{first.text}: Ikke oppfylt" in text
    assert "not_met" not in text
