"""Open vacancies as RSS, Atom and JSON Feed, for job boards and feed readers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse

from lim.recruitment.models import JobAd
from tests.portal.conftest import AFTER_DEADLINE, Clock

pytestmark = pytest.mark.django_db


def test_rss_lists_the_open_ad(ad: JobAd, clock: Clock) -> None:
    response = Client().get(reverse("portal:rss_feed"))
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [ad.title]
    assert items[0].findtext("link", "").endswith(f"/stillinger/{ad.id}/")


def test_atom_lists_the_open_ad(ad: JobAd, clock: Clock) -> None:
    response = Client().get(reverse("portal:atom_feed"))
    root = ET.fromstring(response.content)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries] == [ad.title]


def test_json_feed_follows_version_1_1(ad: JobAd, clock: Clock) -> None:
    response = Client().get(reverse("portal:json_feed"))
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in feed["items"]] == [ad.title]
    assert feed["items"][0]["url"].endswith(f"/stillinger/{ad.id}/")


def test_feeds_drop_ads_after_the_deadline(ad: JobAd, clock: Clock) -> None:
    clock.set(AFTER_DEADLINE)
    assert json.loads(Client().get(reverse("portal:json_feed")).content)["items"] == []
    assert b"<item>" not in Client().get(reverse("portal:rss_feed")).content


def test_vacancy_list_links_to_the_feeds(ad: JobAd, clock: Clock) -> None:
    page = Client().get(reverse("portal:vacancy_list")).content.decode()
    assert 'type="application/rss+xml"' in page
    assert reverse("portal:json_feed") in page
