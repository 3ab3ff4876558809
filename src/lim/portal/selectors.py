"""Reads for the career site: open ads with search and filters, one public ad, and the
ad as schema.org JobPosting."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from lim.portal.models import ExemptionDecision
from lim.recruitment.ad_markup import ad_html
from lim.recruitment.blind import age_on
from lim.recruitment.models import (
    AdChannel,
    Application,
    ApplicationStatus,
    EmploymentForm,
    JobAd,
    JobAnalysis,
    RecruitmentCase,
)
from lim.recruitment.states import RECEIVING_STEPS


@dataclass(frozen=True)
class AdFilters:
    text: str = ""
    unit: str = ""  # unit id
    location: str = ""
    extent: str = ""  # full, part
    employment_form: str = ""


def _public(ad: JobAd) -> bool:
    return ad.published_at is not None and AdChannel.CAREER_SITE in (ad.channels or [])


def _analysis(ad: JobAd) -> JobAnalysis | None:
    return JobAnalysis.objects.filter(case=ad.case_id).first()


def open_ads(*, today: dt.date, filters: AdFilters) -> list[JobAd]:
    """Published career-site ads whose deadline has not passed (the deadline day counts)."""
    ads = (
        JobAd.objects.filter(
            published_at__isnull=False,
            deadline__gte=today,
            case__step__in=[str(step) for step in RECEIVING_STEPS],
        )
        .select_related("case__unit", "case__organisation", "case__job_analysis")
        .order_by("deadline", "title")
    )
    if filters.text:
        ads = ads.filter(Q(title__icontains=filters.text) | Q(body__icontains=filters.text))
    if filters.unit:
        try:
            ads = ads.filter(case__unit_id=uuid.UUID(filters.unit))
        except ValueError:
            return []
    if filters.location:
        ads = ads.filter(case__job_analysis__location__iexact=filters.location)
    if filters.extent == "full":
        ads = ads.filter(case__job_analysis__fte_percent=100)
    elif filters.extent == "part":
        ads = ads.filter(case__job_analysis__fte_percent__lt=100)
    if filters.employment_form in EmploymentForm.values:
        ads = ads.filter(case__job_analysis__employment_form=filters.employment_form)
    # JSON containment is not portable to SQLite; the list of open ads is short.
    return [ad for ad in ads if _public(ad)]


def filter_choices(*, today: dt.date) -> dict[str, list[tuple[str, str]]]:
    """The units and places that occur among the open ads, for the filter menus."""
    ads = open_ads(today=today, filters=AdFilters())
    units = sorted({(str(ad.case.unit_id), ad.case.unit.name) for ad in ads}, key=lambda u: u[1])
    places = sorted(
        {
            ad.case.job_analysis.location
            for ad in ads
            if hasattr(ad.case, "job_analysis") and ad.case.job_analysis.location
        }
    )
    return {"units": units, "locations": [(p, p) for p in places]}


def public_ad(ad_id: uuid.UUID) -> JobAd:
    """A published career-site ad (also after its deadline, for the applicant list)."""
    ad = JobAd.objects.select_related("case__organisation", "case__unit").filter(pk=ad_id).first()
    if ad is None or not _public(ad):
        raise Http404
    return ad


def diversity_statement_not_in_ad(ad: JobAd) -> str:
    """The organisation's diversity statement when the ad text does not already carry it
    (the generated ad does), so the ad page says it once."""
    statement = ad.case.organisation.diversity_statement.strip()
    if " ".join(statement.split()) in " ".join(ad.body.split()):
        return ""
    return statement


def ad_is_open(ad: JobAd, today: dt.date) -> bool:
    return ad.deadline is not None and today <= ad.deadline and ad.case.step in RECEIVING_STEPS


def job_posting(ad: JobAd, *, url: str) -> dict[str, Any]:
    """schema.org JobPosting with the properties Google requires and recommends."""
    analysis = _analysis(ad)
    organisation = ad.case.organisation
    assert ad.published_at is not None
    assert ad.deadline is not None
    types = ["FULL_TIME" if analysis is None or analysis.fte_percent == 100 else "PART_TIME"]
    if analysis is not None and analysis.employment_form == EmploymentForm.TEMPORARY:
        types.append("TEMPORARY")
    posting: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": ad.title,
        "description": ad_html(ad.body),
        "datePosted": timezone.localdate(ad.published_at).isoformat(),
        # Applications are accepted all through the deadline day, local time.
        "validThrough": timezone.make_aware(
            dt.datetime.combine(ad.deadline, dt.time(23, 59, 59))
        ).isoformat(),
        "employmentType": types,
        "identifier": {"@type": "PropertyValue", "name": organisation.name, "value": str(ad.id)},
        "directApply": True,
        "url": url,
        "hiringOrganization": {"@type": "Organization", "name": organisation.name},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": (analysis.location if analysis else "") or ad.case.unit.name,
                "addressCountry": "NO",
            },
        },
    }
    if analysis is not None and analysis.salary_min and analysis.salary_max:
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "NOK",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": analysis.salary_min,
                "maxValue": analysis.salary_max,
                "unitText": "YEAR",
            },
        }
    return posting


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` escaped so
    the text can never close the element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class ExtendedEntry:
    """One line of the extended applicant list: the public list's facts plus education
    and experience, for every applicant, also those left off the public list."""

    name: str
    age: int | None
    position: str
    municipality: str
    education: str
    experience: str
    exempted: bool


def extended_applicant_list(case: RecruitmentCase, *, today: dt.date) -> list[ExtendedEntry]:
    """The extended applicant list (RULES.md: for the parties only), by name."""
    applications = (
        Application.objects.filter(case=case)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .select_related("portal_submission")
        .order_by("name", "id")
    )
    entries = []
    for application in applications:
        submission = getattr(application, "portal_submission", None)
        entries.append(
            ExtendedEntry(
                name=application.name,
                age=age_on(application.birth_date, today),
                position=submission.occupation if submission else "",
                municipality=application.municipality,
                education=application.education,
                experience=application.experience,
                exempted=bool(
                    submission
                    and submission.exemption_requested
                    and submission.exemption_decision != ExemptionDecision.REFUSED
                ),
            )
        )
    return entries
