"""Opening a case, the NAV checkpoint, the job analysis and the ad."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lim.core.errors import DomainError
from lim.core.models import AuditEvent
from lim.portal.selectors import job_posting
from lim.recruitment.models import JobAd, Notification
from lim.recruitment.nav_payload import ad_transfer
from lim.recruitment.rule_checks import RuleBlocked
from lim.recruitment.services import ads
from tests.recruitment.conftest import (
    DEADLINE,
    NOW,
    People,
    open_case,
    published_case,
    record_checkpoint,
    write_analysis,
)
from tests.worker import run_queued_tasks


def _ready_ad(people: People, channels: list[str] | None = None) -> JobAd:
    case = open_case(people)
    write_analysis(people, case)
    ad = ads.ad_generate(actor=people.hr, case=case, now=NOW)
    return ads.ad_update(
        actor=people.hr,
        ad=ad,
        title=ad.title,
        body=ad.body,
        deadline=DEADLINE,
        channels=channels or ["career_site", "nav"],
        now=NOW,
    )


def test_opening_a_case_notifies_the_inclusion_coordinator_by_mail_in_their_language(
    people: People, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        case = open_case(people)
    assert case.step == "need"
    assert Notification.objects.filter(recipient=people.coordinator, case=case).count() == 1
    run_queued_tasks()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["inkludering@test.example"]
    assert "Rådgiver klagesaker" in message.subject
    # The link in the e-mail is absolute and opens the case page for the coordinator.
    link = next(word for word in message.body.split() if "/saker/" in word)
    assert link.startswith("http://127.0.0.1:8000/saker/")
    path = link.removeprefix("http://127.0.0.1:8000")
    client = Client()
    client.force_login(people.coordinator)
    assert client.get(path).status_code == 200
    # Nothing about the manager or any applicant, only the title and a link.
    assert "Mona" not in message.body
    event = AuditEvent.objects.get(action="case.open")
    assert event.details["notified"] == 1


def test_nothing_is_mailed_when_opening_fails(
    people: People, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        open_case(people, reason="whim")
    run_queued_tasks()
    assert mail.outbox == []


def test_nav_checkpoint_is_recorded_with_route_and_audited(people: People) -> None:
    case = open_case(people)
    record_checkpoint(people, case)
    case.refresh_from_db()
    assert case.nav_checkpoint.ask_nav is True
    assert case.route == "ordinary"
    event = AuditEvent.objects.get(action="case.nav_checkpoint")
    assert event.actor == people.coordinator
    assert event.details["route"] == {"old": None, "new": "ordinary"}


def test_job_analysis_moves_the_case_on_and_rejects_unknown_occupation(people: People) -> None:
    case = open_case(people)
    with pytest.raises(DomainError) as error:
        write_analysis(people, case, occupation_code="9998")
    assert error.value.field == "occupation_code"
    write_analysis(people, case)
    case.refresh_from_db()
    assert case.step == "job_analysis"
    assert [r.kind for r in case.job_analysis.requirements.all()] == ["must", "should"]
    assert AuditEvent.objects.filter(action="job_analysis.save").count() == 1


def test_temporary_position_without_basis_is_blocked_by_the_route_rule(people: People) -> None:
    case = open_case(people)
    with translation.override("en"), pytest.raises(RuleBlocked) as error:
        write_analysis(
            people,
            case,
            employment_form="temporary",
            temporary_start=dt.date(2026, 6, 1),
            temporary_end=dt.date(2026, 12, 31),
        )
    assert "ROUTE-TEMP-BASIS" in error.value.rules
    assert "§ 9" in str(error.value.message)


def test_generated_ad_carries_diversity_statement_and_applicant_list_notice(
    people: People,
) -> None:
    ad = _ready_ad(people)
    assert "Vi ønsker søkere med ulik bakgrunn." in ad.body
    assert "offentleglova § 25" in ad.body
    assert "Mastergrad i rettsvitenskap" in ad.body
    assert ad.language == "nb"


def test_ad_publish_is_blocked_without_checkpoint_and_allowed_after(people: People) -> None:
    ad = _ready_ad(people)
    with translation.override("nb"), pytest.raises(RuleBlocked) as error:
        ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    assert error.value.rules == ("NAV-CHECKPOINT",)
    assert "NAV" in str(error.value.message)
    ad.refresh_from_db()
    assert ad.published_at is None
    record_checkpoint(people, ad.case)
    ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    ad.refresh_from_db()
    ad.case.refresh_from_db()
    assert ad.published_at == NOW
    assert ad.case.step == "applications"
    assert AuditEvent.objects.filter(action="ad.publish").count() == 1


def test_checkpoint_not_required_when_the_organisation_turns_it_off(people: People) -> None:
    people.world.organisation.require_nav_checkpoint = False
    people.world.organisation.save()
    ad = _ready_ad(people)
    ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    ad.refresh_from_db()
    assert ad.published_at is not None


def test_internal_only_ad_is_blocked_for_the_ordinary_route(people: People) -> None:
    ad = _ready_ad(people, channels=["internal_only"])
    record_checkpoint(people, ad.case)
    with pytest.raises(RuleBlocked) as error:
        ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    assert "ROUTE-ANNOUNCE" in error.value.rules


def test_administrative_hire_skips_the_ad_but_ordinary_route_cannot(people: People) -> None:
    case = open_case(people)
    write_analysis(people, case)
    record_checkpoint(people, case)
    with pytest.raises(RuleBlocked):
        ads.case_proceed_without_ad(actor=people.manager, case=case, now=NOW)
    temporary = open_case(people)
    write_analysis(
        people,
        temporary,
        employment_form="temporary",
        temporary_basis="a",
        temporary_start=dt.date(2026, 6, 1),
        temporary_end=dt.date(2026, 11, 30),
    )
    record_checkpoint(people, temporary, route="administrative")
    ads.case_proceed_without_ad(actor=people.manager, case=temporary, now=NOW)
    temporary.refresh_from_db()
    assert temporary.step == "selection"


def test_published_ad_cannot_be_edited(people: People) -> None:
    case = published_case(people)
    with pytest.raises(DomainError):
        ads.ad_update(
            actor=people.hr,
            ad=case.ad,
            title="Ny tittel",
            body="Tekst",
            deadline=DEADLINE,
            channels=["career_site"],
            now=NOW,
        )


BROWSER_BODY = (
    "Vi søker en rådgiver.\r\n\r\n## Arbeidsoppgaver\r\n- Behandle klagesaker\r\n"
    "- Skrive vedtak\r\n\r\nLes *mer* på [nettsiden](https://example.org/om-oss).\r\n"
)
XSS_BODY = (
    "## Om oss\n\n<script>alert('x')</script>\n\n[Klikk her](javascript:alert(1)) og "
    '<img src=x onerror="alert(2)">'
)


def _published_with_body(people: People, body: str) -> JobAd:
    ad = _ready_ad(people)
    ad = ads.ad_update(
        actor=people.hr,
        ad=ad,
        title=ad.title,
        body=body,
        deadline=DEADLINE,
        channels=["career_site", "nav"],
        now=NOW,
    )
    record_checkpoint(people, ad.case)
    ads.ad_publish(actor=people.hr, ad=ad, now=NOW)
    return JobAd.objects.get(pk=ad.pk)


def test_an_ad_saved_from_the_browser_keeps_its_structure_everywhere(people: People) -> None:
    ad = _published_with_body(people, BROWSER_BODY)
    assert "\r" not in ad.body  # the service stores plain line breaks
    page = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    assert "<h2>Arbeidsoppgaver</h2>" in page and "## Arbeidsoppgaver" not in page
    assert "<li>Skrive vedtak</li>" in page
    assert '<a href="https://example.org/om-oss">nettsiden</a>' in page
    ad_text = ad_transfer(ad, postal_code="5003", city="Bergen")["adText"]
    assert "<h2>Arbeidsoppgaver</h2>" in ad_text and "##" not in ad_text
    assert "<ul>\n<li>Behandle klagesaker</li>" in ad_text and "<em>mer</em>" in ad_text
    description = job_posting(ad, url="https://x.example/ad")["description"]
    assert "<h2>Arbeidsoppgaver</h2>" in description and "##" not in description
    # HR's preview of the published ad renders the same way.
    hr = Client()
    hr.force_login(people.hr)
    preview = hr.get(reverse("recruitment:ad", kwargs={"case_id": ad.case_id})).content.decode()
    assert "<h2>Arbeidsoppgaver</h2>" in preview and "## Arbeidsoppgaver" not in preview


def test_html_and_script_links_in_an_ad_are_shown_as_text_never_run(people: People) -> None:
    ad = _published_with_body(people, XSS_BODY)
    page = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    rendered = [
        page,
        ad_transfer(ad, postal_code="5003", city="Bergen")["adText"],
        job_posting(ad, url="https://x.example/ad")["description"],
    ]
    for html in rendered:
        assert "<script>alert" not in html
        assert "&lt;script&gt;" in html
        assert "javascript:" not in html.replace("(javascript:alert(1))", "")
        assert 'href="javascript' not in html
        assert "<img" not in html
        assert "<h2>Om oss</h2>" in html


def _visible(ad: JobAd) -> str:
    page = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    return re.sub(r"<script type=\"application/ld\+json\">.*?</script>", "", page, flags=re.S)


def test_the_diversity_statement_is_on_the_ad_page_once(people: People) -> None:
    ad = published_case(people).ad
    assert _visible(ad).count("Vi ønsker søkere med ulik bakgrunn.") == 1
    # An ad whose text leaves the statement out still shows it, in its own section.
    edited = _published_with_body(people, "## Om stillingen\n\nTekst.")
    assert _visible(edited).count("Vi ønsker søkere med ulik bakgrunn.") == 1
