"""The ad as a NAV Arbeidsplassen transfer (pam-import-api, POST /transfers/{providerId}).

Follows navikt/pam-import-api docs/index.md: the main properties (reference, positions,
title, adText, privacy, published, expires) and the employer with a postal code are
required; enum properties take the exact bokmål values the API accepts
(reference/nav/pam-import-api_valid-values.json). Reporting vacancies to NAV is
arbeidsmarkedsloven § 7 (ROUTE-NAV-REPORT).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.utils import timezone

from lim.core.models import Organisation
from lim.recruitment.ad_markup import ad_html
from lim.recruitment.models import EmploymentForm, HiringRoute, JobAd, JobAnalysis
from lim.recruitment.styrk import occupation_title

FULL_TIME, PART_TIME = "Heltid", "Deltid"
_ENGAGEMENT_BY_BASIS = {
    "a": "Engasjement",
    "b": "Vikariat",
    "c": "Trainee",
    "d": "Annet",
    "e": "Engasjement",
}


def _date_no(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _local(moment: dt.datetime) -> str:
    """Local (Norwegian) time without zone, as in the API's examples."""
    return timezone.localtime(moment).replace(tzinfo=None).isoformat(timespec="seconds")


def _engagement(analysis: JobAnalysis, route: str) -> str:
    if route == HiringRoute.TRAINEE:
        return "Trainee"
    if analysis.employment_form == EmploymentForm.PERMANENT:
        return "Fast"
    return _ENGAGEMENT_BY_BASIS.get(analysis.temporary_basis, "Engasjement")


def employer_address(organisation: Organisation, postal_code: str, city: str) -> dict[str, str]:
    """The address NAV gets: the one given (with its city), or else the organisation's."""
    if postal_code:
        return {"postal_code": postal_code, "city": city}
    return {"postal_code": organisation.postal_code, "city": organisation.postal_town}


def job_location(place: str, employer: dict[str, str]) -> dict[str, str]:
    """Where the job is. The job has only its place of work (a town or municipality), so
    the employer's postal code goes with it only when the place is the employer's own
    postal town; otherwise the place alone, never the employer's code with another town."""
    place = place.strip()
    if not place or place.casefold() == employer.get("city", "").strip().casefold():
        return dict(employer)
    return {"city": place, "country": "NORGE"}


def _kroner(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0")


def salary_text(salary_min: int | None, salary_max: int | None) -> str:
    """The salary property is free text (bokmål, as the API's other values): the range
    the job analysis gives, in kroner a year."""
    if salary_min and salary_max:
        if salary_min == salary_max:
            return f"{_kroner(salary_max)} kr per år"
        return f"{_kroner(salary_min)}–{_kroner(salary_max)} kr per år"
    if salary_max:
        return f"Opptil {_kroner(salary_max)} kr per år"
    if salary_min:
        return f"Fra {_kroner(salary_min)} kr per år"
    return ""


def ad_transfer(
    ad: JobAd,
    *,
    postal_code: str,
    city: str = "",
    application_url: str = "",
    positions: int = 1,
) -> dict[str, Any]:
    """The transfer object for one ad. `postal_code` (and city) is the employer's address,
    which the API requires; the ad must be published and have a deadline."""
    if ad.published_at is None or ad.deadline is None:
        raise ValueError("only a published ad with a deadline can be sent to NAV")
    case = ad.case
    organisation = case.organisation
    analysis = JobAnalysis.objects.get(case=case)
    employer_location = {"postalCode": postal_code, "city": city, "country": "NORGE"}
    properties: dict[str, str] = {
        "extent": FULL_TIME if analysis.fte_percent >= 100 else PART_TIME,
        "engagementtype": _engagement(analysis, case.route),
        "jobpercentage": str(analysis.fte_percent),
        "applicationdue": _date_no(ad.deadline),
        "sector": "Privat" if organisation.sector == "private" else "Offentlig",
        "jobtitle": case.title,
    }
    if case.desired_start:
        properties["starttime"] = _date_no(case.desired_start)
    if application_url:
        properties["applicationurl"] = application_url
    if organisation.diversity_statement:
        properties["employerdescription"] = (
            f"<p>{html.escape(organisation.diversity_statement)}</p>"
        )
    if analysis.location:
        properties["location"] = analysis.location
    salary = salary_text(analysis.salary_min, analysis.salary_max)
    if salary:
        properties["salary"] = salary
    payload: dict[str, Any] = {
        "reference": str(case.id),
        "positions": positions,
        "title": ad.title,
        "adText": ad_html(ad.body),
        "privacy": "SHOW_ALL",
        "published": _local(ad.published_at),
        # The day after the deadline at midnight: the deadline day is open all day.
        "expires": (ad.deadline + dt.timedelta(days=1)).isoformat() + "T00:00:00",
        "contactList": [
            {
                "name": case.hiring_manager.full_name,
                "title": "Rekrutterende leder",
                "email": case.hiring_manager.email,
            }
        ],
        "locationList": [job_location(analysis.location, employer_location)],
        "properties": properties,
        "employer": {
            "reference": str(organisation.id),
            "businessName": organisation.name,
            "orgnr": organisation.org_number,
            "location": employer_location,
        },
    }
    title = occupation_title(analysis.occupation_code) if analysis.occupation_code else None
    if title is not None:
        payload["categoryList"] = [
            {"code": analysis.occupation_code, "categoryType": "STYRK08", "name": title}
        ]
    return payload
