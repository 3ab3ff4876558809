"""Open vacancies as RSS 2.0, Atom 1.0 and JSON Feed 1.1, for job boards and readers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lim.portal import selectors
from lim.recruitment.models import JobAd

FEED_SIZE = 100


def _open_ads() -> list[JobAd]:
    ads = selectors.open_ads(today=timezone.localdate(), filters=selectors.AdFilters())
    return ads[:FEED_SIZE]


def _summary(ad: JobAd) -> str:
    assert ad.deadline is not None
    return _("%(organisation)s. Deadline for applications: %(deadline)s.") % {
        "organisation": ad.case.organisation.name,
        "deadline": ad.deadline.strftime("%d.%m.%Y"),
    }


class VacancyRssFeed(Feed):  # type: ignore[type-arg]  # the stubs make Feed generic over the item and object types
    def title(self) -> str:
        return _("Vacancies")

    def link(self) -> str:
        return reverse("portal:vacancy_list")

    def description(self) -> str:
        return _("Open positions you can apply for.")

    def items(self) -> list[JobAd]:
        return _open_ads()

    def item_title(self, item: JobAd) -> str:
        return item.title

    def item_description(self, item: JobAd) -> str:
        return _summary(item)

    def item_link(self, item: JobAd) -> str:
        return reverse("portal:ad_detail", kwargs={"ad_id": item.id})

    def item_pubdate(self, item: JobAd) -> dt.datetime | None:
        return item.published_at

    def item_guid(self, item: JobAd) -> str:
        return str(item.id)

    item_guid_is_permalink = False


class VacancyAtomFeed(VacancyRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()


@require_GET
def json_feed(request: HttpRequest) -> JsonResponse:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items: list[dict[str, Any]] = []
    for ad in _open_ads():
        url = request.build_absolute_uri(reverse("portal:ad_detail", kwargs={"ad_id": ad.id}))
        item: dict[str, Any] = {"id": str(ad.id), "url": url, "title": ad.title}
        item["content_text"] = ad.body
        item["summary"] = _summary(ad)
        if ad.published_at is not None:
            item["date_published"] = ad.published_at.isoformat()
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _("Vacancies"),
        "home_page_url": request.build_absolute_uri(reverse("portal:vacancy_list")),
        "feed_url": request.build_absolute_uri(reverse("portal:json_feed")),
        "items": items,
    }
    response = JsonResponse(feed, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/feed+json; charset=utf-8"
    return response
