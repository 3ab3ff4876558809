"""The archive package (RULES.md, Retention): when the hire is recorded, the case's
archival records are made into one PDF/A-2b document for the organisation's archive — the
ad, the public and the extended applicant list, the innstilling, the decision, the hired
person's application and interview notes. From then on the archive's disposal rules
govern them; LIM deletes its copy with the case's personal data when retention ends."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from lim.core.audit import audit_record
from lim.core.models import Role, User
from lim.documents.pdf import html_to_pdf
from lim.recruitment import rule_checks
from lim.recruitment.identity import Identity
from lim.recruitment.models import (
    ArchivePackage,
    Decision,
    Hire,
    InterviewScore,
    JobAd,
    Recommendation,
    RecruitmentCase,
)
from lim.recruitment.records import ad_plain, recommendation_extras
from lim.recruitment.services.common import now_or_default

GROUP_LABELS = {
    "disability": _("Disability"),
    "cv_gap": _("Gap in the CV"),
    "immigrant_background": _("Immigrant background"),
}


def _body(html: str) -> str:
    """The inside of a rendered document's <body>, to make it a section of the package."""
    match = re.search(r"<body>(.*)</body>", html, flags=re.S)
    return match.group(1) if match else ""


def _recommendation_section(case: RecruitmentCase) -> str:
    recommendation = (
        Recommendation.objects.filter(case=case)
        .prefetch_related("candidates__application", "union_remarks__author")
        .first()
    )
    if recommendation is None:
        return ""
    counts = recommendation.target_group_counts
    rows = [
        {"label": label, **counts[group]}
        for group, label in GROUP_LABELS.items()
        if isinstance(counts.get(group), dict)
    ]
    lang = rule_checks.active_language()
    findings = [
        {"message": f["message"].get(lang, ""), "source": f["source"]}
        for f in recommendation.findings
    ]
    # The archive's copy names the candidates: it is the record of whom was recommended.
    context = {
        "case": case,
        "recommendation": recommendation,
        "counts": rows,
        "findings": findings,
        "identity": Identity(hidden=False, forced=False),
        **recommendation_extras(case),
    }
    return _body(render_to_string("recruitment/recommendation_pdf.html", context))


def _role_label(value: str) -> str:
    return str(Role(value).label) if value in Role.values else value


def _context(case: RecruitmentCase, hire: Hire, now: dt.datetime) -> dict[str, Any]:
    from lim.portal.models import ApplicantListPublication
    from lim.portal.selectors import extended_applicant_list

    hired = hire.application
    interviews = list(hired.interviews.prefetch_related("panel").order_by("starts_at"))
    scores = (
        InterviewScore.objects.filter(interview__application=hired)
        .select_related("criterion", "interviewer")
        .order_by("interview__starts_at", "criterion__order", "interviewer__full_name")
    )
    ad = JobAd.objects.filter(case=case).first()
    return {
        "case": case,
        "made_at": now,
        "ad": ad,
        "ad_text": ad_plain(ad.body) if ad else "",
        "publication": ApplicantListPublication.objects.filter(case=case).first(),
        "extended": extended_applicant_list(case, today=timezone.localdate(now)),
        "recommendation_section": _recommendation_section(case),
        "decisions": [
            (decision, _role_label(decision.decided_as))
            for decision in Decision.objects.filter(case=case)
            .select_related("chosen", "decided_by")
            .order_by("number")
        ],
        "hire": hire,
        "hired": hired,
        "documents": list(hired.portal_documents.all()),
        "interviews": interviews,
        "scores": scores,
    }


@transaction.atomic
def archive_package_make(
    *, case: RecruitmentCase, now: dt.datetime | None = None
) -> ArchivePackage:
    """Make the case's archive package (again, if the case changed since); audited."""
    now = now_or_default(now)
    latest = (
        Hire.objects.select_related("application").filter(case=case).order_by("-recorded_at")
    ).first()
    if latest is None:
        raise ValueError("a case is archived once its hire is recorded")
    with translation.override(case.organisation.written_standard or settings.LANGUAGE_CODE):
        html = render_to_string("recruitment/archive_package.html", _context(case, latest, now))
    pdf = html_to_pdf(html)
    package = ArchivePackage(
        case=case, size=len(pdf), sha256=hashlib.sha256(pdf).hexdigest(), made_at=now
    )
    package.file.save("package.pdf", ContentFile(pdf), save=False)
    try:  # the file is written before its row: it goes again if the row cannot be saved
        package.save()
        audit_record(
            actor=None,
            action="archive.package_made",
            obj=case,
            at=now,
            details={"package": str(package.id), "sha256": package.sha256, "size": package.size},
        )
    except BaseException:
        package.file.storage.delete(package.file.name or "")
        raise
    return package


def archive_package_opened(*, actor: User, package: ArchivePackage) -> None:
    """Every download of a package is audited (it holds the hired person's application)."""
    audit_record(
        actor=actor,
        action="archive.package_download",
        obj=package.case,
        details={"package": str(package.id)},
    )


def remove_package_file(sender: Any, instance: ArchivePackage, **kwargs: Any) -> None:
    """post_delete: the file leaves the disk once the deletion is committed."""
    name = instance.file.name
    if name:
        transaction.on_commit(lambda: instance.file.storage.delete(name))
