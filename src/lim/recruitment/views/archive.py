"""Downloading the case's archive package (for HR, who hands it to the archive)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from lim.recruitment.models import ArchivePackage
from lim.recruitment.services.archive import archive_package_opened
from lim.recruitment.views.common import actor, case_for


@login_required
@require_GET
def archive_package(
    request: HttpRequest, case_id: uuid.UUID, package_id: uuid.UUID
) -> FileResponse:
    """Those who may change the case (its manager and HR) download it; audited."""
    case = case_for(request, case_id, need="write")
    package = ArchivePackage.objects.filter(case=case, pk=package_id).first()
    if package is None:
        raise Http404
    archive_package_opened(actor=actor(request), package=package)
    response = FileResponse(
        package.file.open("rb"),
        as_attachment=True,
        filename=f"arkiv-{case.id}-{package.made_at:%Y%m%d}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    return response
