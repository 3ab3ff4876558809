"""The career site's demo: occupations for the public list and a few exemption requests
to decide, the same on every run."""

from __future__ import annotations

import pytest
from django.core import serializers
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from lim.core.demo import demo_load, local_today
from lim.core.models import User
from lim.portal.models import PortalSubmission
from lim.recruitment.models import Application, JobAd
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _dump() -> str:
    return serializers.serialize("json", PortalSubmission.objects.order_by("pk"))


def test_demo_career_site_submissions_are_deterministic_and_have_requests_to_decide() -> None:
    demo_load()
    first = _dump()
    demo_load()
    assert _dump() == first
    portal = Application.objects.filter(source="portal")
    assert PortalSubmission.objects.count() == portal.count() > 400
    requests = PortalSubmission.objects.filter(exemption_requested=True)
    assert 3 <= requests.count() <= 30
    assert all(r.exemption_reason for r in requests)
    assert {r.application.case.step for r in requests} <= {"applications", "selection"}

    hr = User.objects.get(email="hr@fjordvik.example")
    case_id = requests.first().application.case_id  # type: ignore[union-attr]
    page = client_for(hr, "en").get(reverse("portal:applicant_list", kwargs={"case_id": case_id}))
    assert page.status_code == 200
    assert "Reason given" in page.content.decode()


def test_career_site_shows_the_demo_ads_open_today() -> None:
    """`make run` loads the demo with today's date: the career site has ads to apply to."""
    demo_load()
    page = Client(headers={"accept-language": "en"}).get(reverse("portal:vacancy_list"))
    assert page.status_code == 200
    html = page.content.decode()
    today = local_today()
    open_now = JobAd.objects.filter(published_at__isnull=False, deadline__gte=today)
    assert open_now.count() >= 4
    for ad in open_now:
        assert escape(ad.title) in html
