"""The screening list's query and the blind-mode rows the templates show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from lim.recruitment.blind import age_on, screening_view
from lim.recruitment.identity import alias
from lim.recruitment.models import Application, ApplicationStatus, RecruitmentCase
from lim.recruitment.selectors import applications_for_case

QUALIFIED_STATUSES = (
    ApplicationStatus.QUALIFIED,
    ApplicationStatus.INVITED,
    ApplicationStatus.INTERVIEWED,
    ApplicationStatus.RECOMMENDED,
    ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED,
)
ORDERINGS = {
    "submitted": ("submitted_at", "id"),
    "-submitted": ("-submitted_at", "-id"),
    "name": ("name", "id"),
    "status": ("status", "submitted_at", "id"),
}
# What a row of the list needs; the free text stays in the database until a detail page.
LIST_FIELDS = (
    "id",
    "case_id",
    "name",
    "email",
    "birth_date",
    "municipality",
    "gender",
    "source",
    "status",
    "submitted_at",
)


def screening_list(
    *,
    case: RecruitmentCase,
    status: str = "",
    source: str = "",
    qualified: str = "",
    sort: str = "",
    by_code: bool = False,
) -> QuerySet[Application]:
    """The applications for the list; with `by_code` (blind mode) "name" sorts by the
    code the list shows, so the order does not give away the names."""
    applications = applications_for_case(case=case, status=status, source=source)
    if qualified == "yes":
        applications = applications.filter(status__in=QUALIFIED_STATUSES)
    elif qualified == "no":
        applications = applications.filter(status=ApplicationStatus.NOT_QUALIFIED)
    ordering = ORDERINGS.get(sort, ORDERINGS["submitted"])
    if by_code and sort == "name":
        ordering = ("id",)
    return applications.only(*LIST_FIELDS).order_by(*ordering)


def applicant_row(application: Application, *, blind: bool, today: dt.date) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": application.id,
        "name": application.name,
        "email": application.email,
        "age": age_on(application.birth_date, today),
        "municipality": application.municipality,
        "gender": application.get_gender_display(),
        "source": application.get_source_display(),
        "source_code": application.source,
        "status": application.get_status_display(),
        "status_code": application.status,
        "submitted_at": application.submitted_at,
    }
    return screening_view(
        values, blind=blind, alias=alias(application), placeholder=gettext("[name]")
    )


def applicant_rows(
    applications: Iterable[Application], *, blind: bool, today: dt.date
) -> list[dict[str, Any]]:
    return [applicant_row(a, blind=blind, today=today) for a in applications]


def applicant_detail(application: Application, *, blind: bool, today: dt.date) -> dict[str, Any]:
    """Everything the detail page shows of the applicant, with blind mode applied."""
    values = applicant_row(application, blind=False, today=today)
    values.update(
        {
            "phone": application.phone,
            "birth_date": application.birth_date,
            "address": application.address,
            "language": application.get_language_display(),
            "nav_contact": application.nav_contact,
            "education": application.education,
            "experience": application.experience,
            "cover_letter": application.cover_letter,
            "answers": application.answers,
            "rejection_reason": application.get_rejection_reason_display(),
            "qualification_justification": application.qualification_justification,
        }
    )
    values.pop("label", None)
    return screening_view(
        values, blind=blind, alias=alias(application), placeholder=gettext("[name]")
    )
