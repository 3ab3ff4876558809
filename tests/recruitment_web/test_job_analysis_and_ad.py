"""The job analysis form with its requirements, and the ad: generate, edit, publish
(blocked without the NAV checkpoint, with the legal source), and the NAV payload."""

from __future__ import annotations

import datetime as dt
import json

from django.utils import timezone

from lim.recruitment.models import JobAd, JobAnalysis
from lim.recruitment.services import ads
from tests.recruitment_web.conftest import (
    People,
    as_user,
    open_case,
    published_case,
    record_checkpoint,
    url,
    write_analysis,
)

ANALYSIS = {
    "tasks": "Behandle klagesaker.",
    "competence_profile": "Skriver klart\nSamarbeider godt",
    "education_level": "Master",
    "employment_form": "permanent",
    "fte_percent": "100",
    "location": "Bergen",
    "occupation_code": "2619",
    "requirements-TOTAL_FORMS": "3",
    "requirements-INITIAL_FORMS": "0",
    "requirements-MIN_NUM_FORMS": "0",
    "requirements-MAX_NUM_FORMS": "1000",
    "requirements-0-text": "Mastergrad i rettsvitenskap",
    "requirements-0-kind": "must",
    "requirements-0-justification": "Sakene krever juridisk metode",
    "requirements-1-text": "Erfaring fra forvaltningen",
    "requirements-1-kind": "should",
    "requirements-1-justification": "Kjenner saksgangen",
}


def test_manager_writes_the_job_analysis_with_requirements(people: People) -> None:
    case = open_case(people)
    response = as_user(people.manager).post(url("job_analysis", case), ANALYSIS)
    assert response.status_code == 302
    analysis = JobAnalysis.objects.get(case=case)
    assert [(r.text, r.kind) for r in analysis.requirements.order_by("order")] == [
        ("Mastergrad i rettsvitenskap", "must"),
        ("Erfaring fra forvaltningen", "should"),
    ]
    case.refresh_from_db()
    assert case.step == "job_analysis"


def test_an_unused_requirement_row_is_ignored(people: People) -> None:
    # A browser sends every row, the empty select included.
    case = open_case(people)
    data = {
        **ANALYSIS,
        "requirements-2-text": "",
        "requirements-2-kind": "",
        "requirements-2-justification": "",
    }
    response = as_user(people.manager).post(url("job_analysis", case), data)
    assert response.status_code == 302
    assert JobAnalysis.objects.get(case=case).requirements.count() == 2


def test_requirement_without_justification_is_shown_in_the_error_summary(
    people: People,
) -> None:
    case = open_case(people)
    data = {**ANALYSIS, "requirements-1-justification": ""}
    response = as_user(people.manager).post(url("job_analysis", case), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_requirements-1-justification"' in page
    assert not JobAnalysis.objects.exists()


def test_unknown_occupation_code_is_refused(people: People) -> None:
    case = open_case(people)
    response = as_user(people.manager).post(
        url("job_analysis", case), {**ANALYSIS, "occupation_code": "9999"}
    )
    assert response.status_code == 200
    assert 'href="#id_occupation_code"' in response.content.decode()


def test_union_rep_reads_the_job_analysis_only(people: People) -> None:
    case = open_case(people)
    write_analysis(people, case)
    client = as_user(people.union)
    page = client.get(url("job_analysis", case)).content.decode()
    assert "Mastergrad i rettsvitenskap" in page
    assert "Save the job analysis" not in page
    assert client.post(url("job_analysis", case), ANALYSIS).status_code == 404


def _ad_ready(people: People, *, checkpoint: bool) -> object:
    case = open_case(people)
    if checkpoint:
        record_checkpoint(people, case)
    write_analysis(people, case)
    client = as_user(people.hr)
    assert client.post(url("ad_generate", case)).status_code == 302
    deadline = timezone.localdate() + dt.timedelta(days=14)
    response = client.post(
        url("ad", case),
        {
            "title": "Rådgiver klagesaker",
            "body": "Vi søker en rådgiver.",
            "deadline": deadline.isoformat(),
            "channels": ["career_site", "nav"],
        },
    )
    assert response.status_code == 302
    return case


def test_publish_is_blocked_without_the_nav_checkpoint_and_names_the_source(
    people: People,
) -> None:
    case = _ad_ready(people, checkpoint=False)
    response = as_user(people.hr).post(url("ad_publish", case))
    page = response.content.decode()
    assert response.status_code == 200
    assert "error-summary" in page
    assert "LIM-praksis (Helseklage; rapport fra Oslo Economics)" in page
    assert JobAd.objects.get(case=case).published_at is None


def test_hr_publishes_the_ad_and_gets_the_nav_payload(people: People) -> None:
    case = _ad_ready(people, checkpoint=True)
    client = as_user(people.hr)
    assert client.post(url("ad_publish", case)).status_code == 302
    case.refresh_from_db()
    assert case.step == "applications"
    page = client.get(url("ad", case)).content.decode()
    assert "Show the NAV payload (JSON)" in page
    response = client.get(url("ad_nav_payload", case), {"postal_code": "5003", "city": "Bergen"})
    payload = json.loads(response.content)
    assert payload["reference"] == str(case.id)
    assert payload["employer"]["location"]["postalCode"] == "5003"
    download = client.get(url("ad_nav_payload", case), {"postal_code": "5003", "download": "1"})
    assert download["Content-Disposition"].startswith("attachment;")


def test_nav_payload_asks_for_a_valid_postal_code(people: People) -> None:
    case = published_case(people)
    response = as_user(people.union).get(url("ad_nav_payload", case), {"postal_code": "50"})
    assert response.status_code == 200
    assert 'href="#id_postal_code"' in response.content.decode()


def test_nav_payload_uses_the_organisations_address_when_it_has_one(people: People) -> None:
    from lim.core.models import Organisation

    case = published_case(people)
    Organisation.objects.filter(pk=case.organisation_id).update(
        postal_code="6900", postal_town="Florø"
    )
    client = as_user(people.hr)
    assert 'value="6900"' in client.get(url("ad", case)).content.decode()  # filled in
    payload = json.loads(client.get(url("ad_nav_payload", case)).content)
    assert payload["employer"]["location"] == {
        "postalCode": "6900",
        "city": "Florø",
        "country": "NORGE",
    }
    # An address given on the page wins over the settings.
    typed = client.get(url("ad_nav_payload", case), {"postal_code": "5003", "city": "Bergen"})
    assert json.loads(typed.content)["employer"]["location"]["postalCode"] == "5003"


def test_published_ad_cannot_be_edited_and_read_only_cannot_publish(people: People) -> None:
    case = open_case(people)
    record_checkpoint(people, case)
    write_analysis(people, case)
    ads.ad_generate(actor=people.hr, case=case)
    assert as_user(people.union).post(url("ad_publish", case)).status_code == 404
    assert as_user(people.union).post(url("ad_generate", case)).status_code == 404
    assert as_user(people.hr).get(url("ad_publish", case)).status_code == 405


def test_publishing_without_nav_shows_the_rules_warning_with_its_source(people: People) -> None:
    case = _ad_ready(people, checkpoint=True)
    client = as_user(people.hr)
    deadline = timezone.localdate() + dt.timedelta(days=14)
    response = client.post(
        url("ad", case),
        {
            "title": "Rådgiver klagesaker",
            "body": "Vi søker en rådgiver.",
            "deadline": deadline.isoformat(),
            "channels": ["career_site"],
        },
    )
    assert response.status_code == 302
    response = client.post(url("ad_publish", case), follow=True)
    page = response.content.decode()
    assert "The ad was published." in page
    assert "has not been reported to NAV (Arbeidsplassen). (arbeidsmarkedsloven § 7)" in page
    assert JobAd.objects.get(case=case).published_at is not None


def test_outside_the_state_a_state_only_rule_is_shown_as_advice(people: People) -> None:
    from lim.core.models import Organisation

    case = open_case(people)
    record_checkpoint(people, case)
    temporary_a_year_for_unforeseen_need = {
        **ANALYSIS,
        "employment_form": "temporary",
        "temporary_basis": "e",
        "temporary_start": "2027-01-01",
        "temporary_end": "2027-12-31",
    }
    client = as_user(people.manager)
    refused = client.post(url("job_analysis", case), temporary_a_year_for_unforeseen_need)
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert not JobAnalysis.objects.filter(case=case).exists()

    Organisation.objects.filter(pk=case.organisation_id).update(sector="municipal")
    saved = client.post(
        url("job_analysis", case), temporary_a_year_for_unforeseen_need, follow=True
    )
    page = saved.content.decode()
    assert "The job analysis was saved." in page
    assert "statsansatteloven § 9" in page  # the advice names its source
    assert JobAnalysis.objects.filter(case=case).exists()
