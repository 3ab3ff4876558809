"""WCAG 2.1 AA on the career site: axe-core finds no violation on any public page in any
language, and the application can be completed with the keyboard alone."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from lim.portal.services.applicant_list import applicant_list_publish
from lim.recruitment.models import Application, JobAd
from tests.e2e.test_accessibility import LANGS, _assert_no_violations, _set_language
from tests.portal.conftest import AFTER_DEADLINE, PDF, Clock, link_in_mail

# Fixtures, imported by name so pytest finds them here.
from tests.portal.conftest import ad as ad
from tests.portal.conftest import case as case
from tests.portal.conftest import clock as clock
from tests.portal.conftest import people as people
from tests.recruitment.conftest import published_case
from tests.worker import run_queued_tasks

CV = {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}


def _fill_form(page, email: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#id_name", "Siri Søker")
    page.fill("#id_email", email)
    page.fill("#id_phone", "+47 900 00 000")
    page.fill("#id_birth_date", "17.05.1990")
    page.fill("#id_municipality", "Bergen")
    page.fill("#id_occupation", "Rådgiver")
    page.fill("#id_cover_letter", "Jeg vil gjerne jobbe hos dere.")
    page.set_input_files("#id_cv", files=[CV])
    if page.locator("#id_answer1").count():
        page.fill("#id_answer1", "Jeg liker å skrive klare vedtak.")
    page.check("#id_consent")


@pytest.fixture
def asking_ad(people, settings, tmp_path) -> JobAd:  # type: ignore[no-untyped-def]
    """A published ad with a question of its own that must be answered."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return published_case(people, questions=("Hvorfor søker du?",), answers_required=True).ad


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_career_site_pages_have_no_axe_violations(  # type: ignore[no-untyped-def]
    page, people, asking_ad: JobAd, clock: Clock, lang: str
) -> None:
    ad = asking_ad
    _set_language(page, lang)
    for url in (
        reverse("portal:vacancy_list"),
        reverse("portal:vacancy_list") + "?q=klage&extent=full",
        reverse("portal:ad_detail", kwargs={"ad_id": ad.pk}),
        reverse("portal:accessibility"),
    ):
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("html").get_attribute("lang") == lang
        _assert_no_violations(page, f"{url} [{lang}]")

    form_url = reverse("portal:apply", kwargs={"ad_id": ad.pk})
    page.goto(form_url)
    _assert_no_violations(page, f"application form [{lang}]")
    # After a failed submission: the error summary, linked to the fields.
    page.fill("#id_name", "Siri Søker")
    page.click("main button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".error-summary a[href='#id_answer1']")).to_be_visible()
    assert page.input_value("#id_name") == "Siri Søker"
    _assert_no_violations(page, f"application form with errors [{lang}]")

    _fill_form(page, f"siri.{lang}@example.org")
    page.click("main button[type=submit]")
    page.wait_for_url("**/sendt/")
    _assert_no_violations(page, f"application sent [{lang}]")
    page.goto(_link_in_mail(f"siri.{lang}@example.org"))
    expect(page.locator("h1")).to_contain_text(ad.title)
    _assert_no_violations(page, f"receipt [{lang}]")
    application = Application.objects.get()
    assert application.language == lang
    assert application.answers[0]["answer"] == "Jeg liker å skrive klare vedtak."

    # After the deadline the applicant, a party, may open the extended applicant list.
    receipt = page.url
    clock.set(AFTER_DEADLINE)
    page.goto(receipt)
    page.click("main a[href$='/sokerliste/']")
    expect(page.locator("main table")).to_contain_text("Siri Søker")
    _assert_no_violations(page, f"extended applicant list, applicant [{lang}]")

    # The form is closed after the deadline; the ad page shows the published list.
    response = page.goto(form_url)
    assert response is not None and response.status == 410
    _assert_no_violations(page, f"applications closed [{lang}]")
    applicant_list_publish(actor=people.hr, case=ad.case, now=AFTER_DEADLINE)
    page.goto(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk}))
    expect(page.locator("main")).to_contain_text("Siri Søker")
    _assert_no_violations(page, f"ad with the public applicant list [{lang}]")

    # Withdrawing deletes the application and ends on its own page.
    page.goto(receipt)
    page.check("#id_confirm")
    page.click("form[action$='/trekk/'] button[type=submit]")
    page.wait_for_url("**/stillinger/trukket/")
    assert not Application.objects.exists()
    _assert_no_violations(page, f"application withdrawn [{lang}]")


def _link_in_mail(email: str) -> str:
    """The private link, from the e-mail the worker sends."""
    run_queued_tasks()
    return link_in_mail(email)


def _tab_to(page, name: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    raise AssertionError(f"Tab never reached {name}")


@pytest.mark.django_db(transaction=True)
def test_the_application_can_be_completed_with_the_keyboard(  # type: ignore[no-untyped-def]
    page, ad: JobAd, clock: Clock
) -> None:
    page.goto(reverse("portal:apply", kwargs={"ad_id": ad.pk}))
    for name, text in (
        ("name", "Kari Tastatur"),
        ("email", "kari@example.org"),
        ("phone", "+47 911 11 111"),
        ("birth_date", "01.02.1985"),
        ("address", "Storgata 1"),
        ("postal_code", "5003"),
        ("municipality", "Bergen"),
        ("occupation", "Saksbehandler"),
    ):
        _tab_to(page, name)
        page.keyboard.type(text)
    _tab_to(page, "gender")
    page.keyboard.press("Space")
    _tab_to(page, "cover_letter")
    page.keyboard.type("Jeg søker fordi ...")
    _tab_to(page, "cv")
    page.set_input_files("#id_cv", files=[CV])
    _tab_to(page, "disability")
    page.keyboard.press("Space")
    _tab_to(page, "gap1_start")
    page.keyboard.type("01.01.2022")
    _tab_to(page, "gap1_end")
    page.keyboard.type("28.02.2025")
    _tab_to(page, "gap1_cause")
    page.keyboard.press("ArrowDown")  # illness
    _tab_to(page, "current_employment")
    page.keyboard.press("ArrowDown")  # a temporary job
    _tab_to(page, "employment_start")
    page.keyboard.type("01.09.2025")
    _tab_to(page, "employment_end")
    page.keyboard.type("31.05.2026")
    _tab_to(page, "consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/sendt/")
    application = Application.objects.get()
    assert application.name == "Kari Tastatur"
    assert application.gender == "woman"
    assert application.declaration.disability
    assert application.declaration.cv_gap
    assert application.declaration.current_employment["kind"] == "temporary"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("lang", LANGS)
def test_hr_applicant_list_page_has_no_axe_violations(  # type: ignore[no-untyped-def]
    page, people, ad: JobAd, clock: Clock, lang: str
) -> None:
    from tests.conftest import PASSWORD

    page.goto(reverse("portal:apply", kwargs={"ad_id": ad.pk}))
    _fill_form(page, "bo@example.org")
    page.check("#id_exemption_requested")
    page.fill("#id_exemption_reason", "Arbeidsgiveren min vet ikke at jeg søker.")
    page.click("main button[type=submit]")
    page.wait_for_url("**/sendt/")
    _set_language(page, lang)
    page.fill("input[name=username]", people.hr.email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/")
    response = page.goto(reverse("portal:applicant_list", kwargs={"case_id": ad.case_id}))
    assert response is not None and response.status == 200
    expect(page.locator("main")).to_contain_text("Siri Søker")
    _assert_no_violations(page, f"HR applicant list [{lang}]")
    page.click("main a[href$='/sokerliste/utvidet/']")
    expect(page.locator("main table")).to_contain_text("Siri Søker")
    _assert_no_violations(page, f"extended applicant list, HR [{lang}]")
