"""How an applicant is shown to a user at a moment: by name, or by a code while the
organisation's blind screening is in force.

`identity_for` is the one place that decides; every page, PDF, export and API response
that names applicants asks it. The redaction of the applicant's facts and texts is
lim.recruitment.blind (pure Python).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext

from lim.core.access import AnyUser, roles_in_unit
from lim.core.models import Role
from lim.recruitment.blind import redact_name
from lim.recruitment.models import Application, ApplicationStatus, RecruitmentCase

# Where the applicant is shown: the case's own pages and API ("case"), or HR's page for
# the public applicant list ("public_list"), which names applicants by law.
Purpose = Literal["case", "public_list"]

SELECTED_STATUSES = (
    ApplicationStatus.INVITED,
    ApplicationStatus.INTERVIEWED,
    ApplicationStatus.RECOMMENDED,
    ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED,
)
AFTER_SELECTION = ("recommendation", "decision", "offer", "onboarding", "closed")


def blind_required(case: RecruitmentCase) -> bool:
    """Whether the organisation's setting still hides the applicants' identity."""
    until = case.organisation.blind_screening_until
    if until == "recommendation":
        return case.step not in AFTER_SELECTION
    if until == "interview_list":
        return (
            case.step not in AFTER_SELECTION
            and not case.applications.filter(status__in=SELECTED_STATUSES).exists()
        )
    return False


def alias(application: Application) -> str:
    """A stable pseudonym for blind mode: the start of the application's random id."""
    return gettext("Applicant %(code)s") % {"code": str(application.id)[:8].upper()}


@dataclass(frozen=True)
class Identity:
    """The decision for one user, case and moment: `hidden` means codes, not names."""

    hidden: bool
    # The organisation's blind screening is in force (the user cannot turn it off); with
    # `hidden` False this is HR's exception on the public applicant list.
    forced: bool

    def label(self, application: Application) -> str:
        return alias(application) if self.hidden else application.name

    def text(self, text: str, application: Application) -> str:
        """Free text about the applicant (a justification, a referee's answer) with the
        name replaced by the code while hidden."""
        if not self.hidden:
            return text
        return redact_name(text, application.name, alias(application))

    @property
    def sort_field(self) -> str:
        """What "sort by name" sorts on: the code (the id's start) while hidden."""
        return "id" if self.hidden else "name"


def identity_for(
    user: AnyUser,
    case: RecruitmentCase,
    *,
    purpose: Purpose = "case",
    chosen_blind: bool = False,
) -> Identity:
    """How `user` sees the applicants of `case` now.

    While the organisation's blind screening is in force (until the interview list or
    the recommendation), every role sees codes on every page, PDF and API response. The
    one exception is the public applicant list: HR advisers run it (offentleglova § 25)
    and see the names there; the hiring manager, who assesses, does not. Outside blind
    screening a user may still choose blind mode for themselves (`chosen_blind`).
    """
    forced = blind_required(case)
    if forced and purpose == "public_list" and Role.HR_ADVISER in roles_in_unit(user, case.unit):
        return Identity(hidden=False, forced=True)
    return Identity(hidden=forced or chosen_blind, forced=forced)
