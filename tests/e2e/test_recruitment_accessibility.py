"""WCAG 2.1 AA on the recruitment pages: axe-core finds no violation on the case list,
a case page, the applicant list (also in blind mode), an application and the
recommendation, as the demo's hiring manager."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lim.core.demo import demo_id, demo_load
from lim.recruitment.models import RecruitmentCase
from tests.e2e.test_accessibility import _assert_no_violations, _log_in, _set_language

LANGS = ["nb", "nn", "en"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_recruitment_pages_have_no_axe_violations(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    selection = RecruitmentCase.objects.get(pk=demo_id("case", "c07"))
    recommendation = RecruitmentCase.objects.get(pk=demo_id("case", "c06"))
    application = selection.applications.order_by("submitted_at").first()
    assert application is not None
    _set_language(page, lang)
    _log_in(page, "leder@fjordvik.example")
    for url in (
        reverse("recruitment:case_list"),
        reverse("recruitment:case_detail", kwargs={"case_id": selection.id}),
        reverse("recruitment:applicant_list", kwargs={"case_id": selection.id}),
        reverse("recruitment:applicant_list", kwargs={"case_id": selection.id}) + "?blind=on",
        reverse(
            "recruitment:application_detail",
            kwargs={"case_id": selection.id, "application_id": application.id},
        ),
        reverse("recruitment:recommendation", kwargs={"case_id": recommendation.id}),
    ):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1, url
        _assert_no_violations(page, f"{url} [{lang}]")


@pytest.mark.django_db(transaction=True)
def test_interview_list_has_no_axe_violations(page) -> None:  # type: ignore[no-untyped-def]
    demo_load()
    case = RecruitmentCase.objects.get(pk=demo_id("case", "c07"))
    _set_language(page, "nb")
    _log_in(page, "leder@fjordvik.example")
    page.goto(reverse("recruitment:interview_list", kwargs={"case_id": case.id}))
    _assert_no_violations(page, "interview list")


@pytest.mark.django_db(transaction=True)
def test_blind_screening_pages_have_no_axe_violations(page) -> None:  # type: ignore[no-untyped-def]
    """The pages that now show codes (and the note on HR's applicant-list page) while the
    organisation's blind screening is in force, as the hiring manager."""
    demo_load()
    case = RecruitmentCase.objects.get(pk=demo_id("case", "c07"))
    case.organisation.blind_screening_until = "recommendation"
    case.organisation.save()
    _set_language(page, "nb")
    _log_in(page, "leder@fjordvik.example")
    for name in ("interview_list", "decision", "recommendation"):
        page.goto(reverse(f"recruitment:{name}", kwargs={"case_id": case.id}))
        if name != "recommendation":  # nobody is interviewed yet in this demo case
            assert "Søker " in page.content(), name
        _assert_no_violations(page, f"{name} (blind)")
    page.goto(reverse("portal:applicant_list", kwargs={"case_id": case.id}))
    assert "Anonymisert utvelgelse gjelder" in page.locator("main").inner_text()
    _assert_no_violations(page, "public applicant list (blind, hiring manager)")
