"""The audit log as people read it: a translated name per event and its details as a list
of fields, changes shown as old → new. The stored codes stay as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from lim.core.models import AuditEvent
from lim.rules.base import Lang
from lim.rules.registry import UnknownRule, get_rule

EVENT_NAMES: dict[str, Any] = {
    "ad.generate": _("Ad written from the job analysis"),
    "ad.publish": _("Ad published"),
    "ad.update": _("Ad changed"),
    "api_token.create": _("API key created"),
    "api_token.revoke": _("API key revoked"),
    "applicant_list.exemption_decide": _("Request to be left off the applicant list decided"),
    "applicant_list.extended_view": _("Extended applicant list viewed"),
    "applicant_list.publish": _("Applicant list published"),
    "application.contact_update": _("Applicant's contact details changed"),
    "application.create": _("Application received"),
    "workforce.import_queued": _("Large workforce import queued"),
    "application.link_resent": _("New private link sent to an applicant who applied again"),
    "archive.package_download": _("Archive package downloaded"),
    "archive.package_made": _("Archive package made"),
    "application.delete": _("Application deleted"),
    "application.documents_add": _("Documents added to an application"),
    "application.qualification": _("Qualification decided"),
    "application.status": _("Application status changed"),
    "applications.import": _("Applications imported"),
    "assessment.record": _("Assessment recorded"),
    "case.decision": _("Hiring decision made"),
    "case.nav_checkpoint": _("NAV checkpoint recorded"),
    "case.open": _("Case opened"),
    "case.step": _("Case moved to another step"),
    "declaration.refused": _("Access to a declaration refused"),
    "declaration.save": _("Declaration saved"),
    "declaration.view": _("Declaration viewed"),
    "demo.load": _("Demo data loaded"),
    "hire.record": _("Hire recorded"),
    "interview.accommodation": _("Accommodation for the interview answered"),
    "interview.cancelled": _("Interview cancelled"),
    "interview.held": _("Interview held"),
    "interview.schedule": _("Interview scheduled"),
    "interview.score": _("Interview scored"),
    "interview_guide.generate": _("Interview guide generated"),
    "interview_list.finalise": _("Interview list finalised"),
    "job_analysis.save": _("Job analysis saved"),
    "offer.make": _("Offer made"),
    "offer.respond": _("Answer to the offer recorded"),
    "onboarding.plan_create": _("Onboarding plan created"),
    "onboarding.task_complete": _("Onboarding task completed"),
    "organisation.create": _("Organisation created"),
    "organisation.update": _("Organisation settings changed"),
    "recommendation.save": _("Recommendation saved"),
    "recommendation.union_remark": _("Union representative's remark added"),
    "reference.record": _("Reference check recorded"),
    "retention.apply": _("Personal data deleted after the retention period"),
    "role.assign": _("Role given"),
    "role.revoke": _("Role taken away"),
    "statement.update": _("Equality statement changed"),
    "unit.create": _("Unit created"),
    "user.create": _("User created"),
    "workforce.import": _("Workforce figures imported"),
}

# Detail keys that are not a field of the event's object, in words.
KEY_LABELS: dict[str, Any] = {
    "answered": _("Answered"),
    "application": _("Application"),
    "buddy": _("Buddy or mentor"),
    "case": _("Case"),
    "channels": _("Channels"),
    "chosen": _("Chosen candidate"),
    "counts": _("Figures"),
    "created": _("Created"),
    "criterion": _("Criterion"),
    "deadline": _("Deadline"),
    "declared": _("Declared"),
    "employment_form": _("Employment form"),
    "findings": _("Rule findings"),
    "interview": _("Interview"),
    "invited": _("Invited"),
    "kind": _("Kind"),
    "name": _("Name"),
    "offer": _("Offer"),
    "override": _("Overridden"),
    "panel": _("Panel"),
    "qualified": _("Qualified"),
    "ranking": _("Ranking"),
    "reason": _("Reason"),
    "rejection_reason": _("Reason for rejection"),
    "remark": _("Remark"),
    "replies": _("Replies sent"),
    "requirement": _("Requirement"),
    "response": _("Response"),
    "result": _("Result"),
    "route": _("Hiring route"),
    "score": _("Score"),
    "source": _("Source"),
    "start_date": _("Start date"),
    "starts_at": _("Starts"),
    "status": _("Status"),
    "step": _("Step"),
    "task": _("Task"),
    "token": _("API key"),
    "why": _("Why"),
}


@dataclass(frozen=True)
class DetailLine:
    name: str
    value: str


def event_name(action: str) -> str:
    """The event's name in the active language; an event without one keeps its code."""
    name = EVENT_NAMES.get(action)
    return str(name) if name is not None else action


def detail_lines(event: AuditEvent) -> list[DetailLine]:
    """One line per detail: the field's own label (and choice labels) where the event's
    object has such a field, otherwise the key in words."""
    model = _model(event.object_type)
    details = event.details if isinstance(event.details, dict) else {"": event.details}
    return [
        DetailLine(
            _label(model, key),
            _rule_titles(value) if key == "findings" else _value(_field(model, key), value),
        )
        for key, value in details.items()
    ]


def _rule_titles(codes: Any) -> str:
    """The rules a step found, by title: their codes are for the machine."""
    if not isinstance(codes, list):
        return _value(None, codes)
    code = (get_language() or "nb")[:2]
    lang: Lang = "nn" if code == "nn" else "en" if code == "en" else "nb"
    titles = []
    for rule_id in codes:
        try:
            titles.append(get_rule(str(rule_id)).title.get(lang))
        except UnknownRule:
            titles.append(str(rule_id))
    return ", ".join(titles) or "–"


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None or not key:
        return None
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label(model: type[models.Model] | None, key: str) -> str:
    field = _field(model, key)
    if field is not None:
        return capfirst(str(field.verbose_name))
    if key in KEY_LABELS:
        return str(KEY_LABELS[key])
    return capfirst(key.replace("_", " "))


def _value(field: models.Field[Any, Any] | None, value: Any) -> str:
    if isinstance(value, dict) and set(value) == {"old", "new"}:
        return f"{_value(field, value['old'])} → {_value(field, value['new'])}"
    if isinstance(value, dict):
        parts = (f"{_label(None, str(k))}: {_value(None, v)}" for k, v in value.items())
        return "; ".join(parts)
    if isinstance(value, list | tuple):
        return ", ".join(_value(field, item) for item in value) or "–"
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext_now("Yes") if value else gettext_now("No")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
