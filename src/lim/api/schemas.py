"""The API's request and response shapes (no declaration data is ever exposed)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema


class CaseOut(Schema):
    id: uuid.UUID
    title: str
    unit: str
    reason: str
    step: str
    route: str
    desired_start: dt.date | None
    hiring_manager: str
    created_at: dt.datetime
    updated_at: dt.datetime


class AdOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    title: str
    body: str
    language: str
    deadline: dt.date | None
    channels: list[str]
    questions: list[str]
    answers_required: bool
    published_at: dt.datetime | None


class ApplicationIn(Schema):
    name: str
    email: str
    source: Literal["hr", "nav", "portal"] = "hr"
    nav_contact: str = ""
    phone: str = ""
    birth_date: dt.date | None = None
    address: str = ""
    municipality: str = ""
    gender: Literal["woman", "man", "other", "unknown"] = "unknown"
    language: Literal["nb", "nn", "en"] = "nb"
    education: str = ""
    experience: str = ""
    cover_letter: str = ""


class ApplicationOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    # While the organisation's blind screening is in force: a code, and no contact details.
    name: str
    email: str
    blind: bool = False
    source: str
    nav_contact: str
    status: str
    rejection_reason: str
    submitted_at: dt.datetime
    status_changed_at: dt.datetime


class StatusIn(Schema):
    status: Literal["under_assessment", "rejected", "withdrawn"]
    rejection_reason: str = ""


class ErrorOut(Schema):
    detail: str
