"""The case's archival records as documents: the recommendation (innstilling) on its own,
and the archive package made when the case is decided (services/archive.py)."""

from __future__ import annotations

from typing import Any

from lim.core.models import User
from lim.recruitment import rule_checks
from lim.recruitment.models import JobAd, RecruitmentCase


def interview_panel(case: RecruitmentCase) -> list[User]:
    """Everyone who sat on an interview panel of the case, by name."""
    return list(
        User.objects.filter(interview_panels__application__case=case)
        .distinct()
        .order_by("full_name", "id")
    )


def ad_plain(body: str) -> str:
    """The ad as plain lines: Markdown headings and list marks dropped."""
    lines = [line.strip().lstrip("#*-> ").strip() for line in body.splitlines()]
    return "\n".join(lines)


def ad_summary(body: str, words: int = 60) -> str:
    """The ad's opening as plain text."""
    text = ad_plain(body).split()
    return " ".join(text[:words]) + (" …" if len(text) > words else "")


def recommendation_extras(case: RecruitmentCase) -> dict[str, Any]:
    """Beside the recommendation itself, its document shows the ad, the interview panel
    and the totals of all applicants (shown only with the target-group counts)."""
    ad = JobAd.objects.filter(case=case).first()
    return {
        "ad": ad,
        "ad_summary": ad_summary(ad.body) if ad else "",
        "panel": interview_panel(case),
        "totals": rule_checks.applicant_totals(case),
    }
