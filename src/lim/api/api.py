"""The REST API (django-ninja, OpenAPI at /api/docs): the same services and access helpers
as the pages. A missing or forbidden object is 404; a refused change is 400, or 409 when
the case's step or the application's status does not allow it."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from lim.api.schemas import AdOut, ApplicationIn, ApplicationOut, CaseOut, ErrorOut, StatusIn
from lim.api.tokens import user_for_token
from lim.core.errors import DomainError
from lim.core.models import User
from lim.recruitment import selectors, states
from lim.recruitment.access import get_case_for_user
from lim.recruitment.identity import Identity, identity_for
from lim.recruitment.models import Application, ApplicationStatus, JobAd, RecruitmentCase
from lim.recruitment.nav_payload import ad_transfer, employer_address
from lim.recruitment.rule_checks import RuleBlocked
from lim.recruitment.services import applications as application_services

# Errors about where the case or application stands: the request conflicts with its state.
CONFLICT_FIELDS = frozenset({"step", "status"})


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return user_for_token(token)


api = NinjaAPI(
    title="LIM API",
    version="1",
    description="Recruitment cases, ads and applications. Authenticate with "
    "`Authorization: Bearer <token>` (tokens from `lim token create` or the page Your API "
    "tokens; they expire, 90 days by default, and can be revoked).",
    auth=TokenAuth(),
    urls_namespace="api",
)


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]  # set by ninja's authentication
    assert isinstance(user, User)
    return user


def _refused(error: DomainError) -> HttpError:
    status = 409 if isinstance(error, RuleBlocked) or error.field in CONFLICT_FIELDS else 400
    return HttpError(status, str(error.message))


def _case(request: HttpRequest, case_id: uuid.UUID, need: Any = "read") -> RecruitmentCase:
    return get_case_for_user(_user(request), case_id, need=need)


def _application(case: RecruitmentCase, application_id: uuid.UUID) -> Application:
    application = (
        Application.objects.select_related("case__organisation")
        .filter(case=case, pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application


def _application_out(request: HttpRequest, application: Application) -> dict[str, Any]:
    """An application as the user may see it now: a code and no contact details while
    the organisation's blind screening is in force (the same decision as the pages)."""
    identity = identity_for(_user(request), application.case)
    return _shown(application, identity)


def _shown(application: Application, identity: Identity) -> dict[str, Any]:
    hidden = identity.hidden
    return {
        "id": application.id,
        "case_id": application.case_id,
        "name": identity.label(application),
        "email": "" if hidden else application.email,
        "blind": hidden,
        "source": application.source,
        "nav_contact": "" if hidden else application.nav_contact,
        "status": application.status,
        "rejection_reason": application.rejection_reason,
        "submitted_at": application.submitted_at,
        "status_changed_at": application.status_changed_at,
    }


def _case_out(case: RecruitmentCase) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "unit": case.unit.name,
        "reason": case.reason,
        "step": case.step,
        "route": case.route,
        "desired_start": case.desired_start,
        "hiring_manager": case.hiring_manager.full_name,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
    }


@api.get("/cases", response=list[CaseOut], tags=["cases"])
def list_cases(request: HttpRequest, step: str = "") -> list[dict[str, Any]]:
    return [_case_out(c) for c in selectors.cases_for_user(user=_user(request), step=step)]


@api.get("/cases/{case_id}", response={200: CaseOut, 404: ErrorOut}, tags=["cases"])
def read_case(request: HttpRequest, case_id: uuid.UUID) -> dict[str, Any]:
    return _case_out(_case(request, case_id))


def _ad(case: RecruitmentCase) -> JobAd:
    ad = JobAd.objects.filter(case=case).first()
    if ad is None:
        raise Http404
    return ad


@api.get("/cases/{case_id}/ad", response={200: AdOut, 404: ErrorOut}, tags=["ads"])
def read_ad(request: HttpRequest, case_id: uuid.UUID) -> JobAd:
    return _ad(_case(request, case_id))


class NavQuery(Schema):
    # The employer's address; the organisation's settings give it when left out.
    postal_code: str = Field("", pattern=r"^(\d{4})?$")
    city: str = ""
    application_url: str = ""


@api.get(
    "/cases/{case_id}/ad/nav",
    response={200: dict[str, Any], 404: ErrorOut, 409: ErrorOut},
    tags=["ads"],
    summary="The ad as a NAV Arbeidsplassen transfer (pam-import-api)",
)
def nav_payload(request: HttpRequest, case_id: uuid.UUID, query: Query[NavQuery]) -> dict[str, Any]:
    ad = _ad(_case(request, case_id))
    if ad.published_at is None or ad.deadline is None:
        raise HttpError(409, _("Only a published ad with a deadline can be sent to NAV."))
    address = employer_address(ad.case.organisation, query.postal_code, query.city)
    if not address["postal_code"]:
        raise HttpError(
            409,
            _(
                "NAV needs the employer's postal code: give postal_code, or set it in the "
                "organisation's settings."
            ),
        )
    return ad_transfer(
        ad,
        postal_code=address["postal_code"],
        city=address["city"],
        application_url=query.application_url,
    )


@api.get(
    "/cases/{case_id}/applications",
    response={200: list[ApplicationOut], 404: ErrorOut},
    tags=["applications"],
)
def list_applications(
    request: HttpRequest, case_id: uuid.UUID, status: str = "", source: str = ""
) -> Any:
    case = _case(request, case_id)
    identity = identity_for(_user(request), case)
    applications = selectors.applications_for_case(case=case, status=status, source=source)
    return [_shown(application, identity) for application in applications]


@api.post(
    "/cases/{case_id}/applications",
    response={201: ApplicationOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    tags=["applications"],
)
def create_application(
    request: HttpRequest, case_id: uuid.UUID, payload: ApplicationIn
) -> Status[dict[str, Any]]:
    case = _case(request, case_id, need="write")
    try:
        application = application_services.application_create(
            actor=_user(request), case=case, **payload.dict()
        )
    except DomainError as error:
        raise _refused(error) from error
    return Status(201, _application_out(request, application))


@api.get(
    "/cases/{case_id}/applications/{application_id}",
    response={200: ApplicationOut, 404: ErrorOut},
    tags=["applications"],
)
def read_application(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID
) -> dict[str, Any]:
    return _application_out(request, _application(_case(request, case_id), application_id))


@api.post(
    "/cases/{case_id}/applications/{application_id}/status",
    response={200: ApplicationOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    tags=["applications"],
    summary="Change an application's status (start assessment, reject, withdraw)",
)
def change_status(
    request: HttpRequest, case_id: uuid.UUID, application_id: uuid.UUID, payload: StatusIn
) -> dict[str, Any]:
    case = _case(request, case_id, need="write")
    application = _application(case, application_id)
    actor = _user(request)
    try:
        if payload.status == "under_assessment":
            # The bulk service skips what is not new; one application must say why.
            if not states.can_move_application(application.status, payload.status):
                raise DomainError(
                    _("An application cannot go from “%(old)s” to “%(new)s”.")
                    % {
                        "old": application.get_status_display(),
                        "new": ApplicationStatus(payload.status).label,
                    },
                    field="status",
                )
            application_services.application_start_assessment(
                actor=actor, applications=[application]
            )
        elif payload.status == "rejected":
            application_services.application_reject(
                actor=actor, application=application, reason=payload.rejection_reason
            )
        else:
            application_services.application_withdraw(actor=actor, application=application)
    except DomainError as error:
        raise _refused(error) from error
    application.refresh_from_db()
    return _application_out(request, application)
