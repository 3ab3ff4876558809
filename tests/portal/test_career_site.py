"""The vacancies list with search and filters, the ad page and its JSON-LD."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lim.recruitment.models import JobAd, JobAnalysis
from tests.portal.conftest import AFTER_DEADLINE, Clock

pytestmark = pytest.mark.django_db


def _titles(response: Any) -> list[str]:
    return re.findall(
        r'<h3><a href="/stillinger/[^"]+/" lang="\w+">([^<]+)</a>', response.content.decode()
    )


def test_open_ads_are_listed(ad: JobAd, clock: Clock) -> None:
    response = Client(headers={"accept-language": "en"}).get(reverse("portal:vacancy_list"))
    assert response.status_code == 200
    assert _titles(response) == ["Rådgiver klagesaker"]


def test_an_ad_after_its_deadline_or_not_on_the_career_site_is_not_listed(
    ad: JobAd, clock: Clock
) -> None:
    clock.set(AFTER_DEADLINE)
    assert _titles(Client().get(reverse("portal:vacancy_list"))) == []
    clock.set(AFTER_DEADLINE.replace(day=2))
    JobAd.objects.filter(pk=ad.pk).update(channels=["nav"])
    assert _titles(Client().get(reverse("portal:vacancy_list"))) == []
    assert Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).status_code == 404


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "klagesaker"}, True),
        ({"q": "sykepleier"}, False),
        ({"location": "Bergen"}, True),
        ({"location": "Oslo"}, False),
        ({"extent": "full"}, True),
        ({"extent": "part"}, False),
        ({"employment_form": "permanent"}, True),
        ({"employment_form": "temporary"}, False),
        ({"unit": "not-a-uuid"}, False),
    ],
)
def test_search_and_filters(ad: JobAd, clock: Clock, query: dict[str, str], found: bool) -> None:
    response = Client().get(reverse("portal:vacancy_list"), query)
    assert (_titles(response) == [ad.title]) is found


def test_filter_by_unit(ad: JobAd, clock: Clock) -> None:
    unit = str(ad.case.unit_id)
    assert _titles(Client().get(reverse("portal:vacancy_list"), {"unit": unit})) == [ad.title]
    other = str(ad.case.organisation.units.exclude(pk=ad.case.unit_id).first().pk)  # type: ignore[union-attr]
    assert _titles(Client().get(reverse("portal:vacancy_list"), {"unit": other})) == []


def _json_ld(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_ad_page_shows_the_text_deadline_and_diversity_statement(ad: JobAd, clock: Clock) -> None:
    html = (
        Client(headers={"accept-language": "en"})
        .get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk}))
        .content.decode()
    )
    assert "<h1>Rådgiver klagesaker</h1>" in html
    assert "Behandle klagesaker." in html
    assert "20 March 2026" in html
    assert "Vi ønsker søkere med ulik bakgrunn." in html
    assert reverse("portal:apply", kwargs={"ad_id": ad.pk}) in html


def test_job_posting_json_ld_has_googles_required_and_recommended_properties(
    ad: JobAd, clock: Clock
) -> None:
    JobAnalysis.objects.filter(case=ad.case).update(salary_min=600000, salary_max=750000)
    url = reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})
    html = Client().get(url, {"utm_source": "feed"}).content.decode()
    data = _json_ld(html)
    assert data["url"] == f"http://testserver{url}"  # the canonical address, no query
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    # Required by Google.
    assert data["title"] == "Rådgiver klagesaker"
    assert "Behandle klagesaker." in data["description"]
    assert data["datePosted"] == "2026-03-02"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Testetaten"}
    assert data["jobLocation"]["@type"] == "Place"
    assert data["jobLocation"]["address"]["addressLocality"] == "Bergen"
    assert data["jobLocation"]["address"]["addressCountry"] == "NO"
    # Recommended.
    assert data["validThrough"].startswith("2026-03-20")
    assert data["employmentType"] == ["FULL_TIME"]
    assert data["identifier"]["value"] == str(ad.pk)
    assert data["directApply"] is True
    assert data["baseSalary"]["currency"] == "NOK"
    assert data["baseSalary"]["value"]["minValue"] == 600000
    assert data["baseSalary"]["value"]["maxValue"] == 750000
    assert data["baseSalary"]["value"]["unitText"] == "YEAR"


def test_json_ld_cannot_close_the_script_element(ad: JobAd, clock: Clock) -> None:
    JobAd.objects.filter(pk=ad.pk).update(title="</script><script>alert(1)</script>")
    html = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block
    assert _json_ld(html)["title"] == "</script><script>alert(1)</script>"


def test_no_salary_range_no_base_salary(ad: JobAd, clock: Clock) -> None:
    html = Client().get(reverse("portal:ad_detail", kwargs={"ad_id": ad.pk})).content.decode()
    assert "baseSalary" not in _json_ld(html)


def test_accessibility_statement(clock: Clock, db: None) -> None:
    response = Client(headers={"accept-language": "en"}).get(reverse("portal:accessibility"))
    assert response.status_code == 200
    assert "WCAG 2.1" in response.content.decode()
    assert reverse("portal:vacancy_list") in response.content.decode()  # footer link
