"""Access to cases by role and unit. A role in a unit covers the units below it; a missing
case and a forbidden one give the same 404."""

from __future__ import annotations

import uuid
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404

from lim.core.access import AnyUser, roles_in_unit
from lim.core.models import Role
from lim.recruitment.models import RecruitmentCase

Need = Literal["read", "write", "nav_checkpoint"]
DeclarationScope = Literal["full", "existence"]

# The roles that take part in recruitment; any of them in the case's unit (or above) reads it.
CASE_ROLES = frozenset(
    {
        Role.HIRING_MANAGER,
        Role.HR_ADVISER,
        Role.INCLUSION_COORDINATOR,
        Role.UNION_REPRESENTATIVE,
        Role.HIRING_COUNCIL,
    }
)


def case_permissions(user: AnyUser, case: RecruitmentCase) -> set[str]:
    """What the user may do with the case: a subset of {'read', 'write', 'nav_checkpoint'}."""
    if not user.is_authenticated or not user.is_active:
        return set()
    roles = roles_in_unit(user, case.unit)
    is_manager = case.hiring_manager_id == user.pk
    granted: set[str] = set()
    if is_manager or roles & CASE_ROLES:
        granted.add("read")
    if is_manager or Role.HR_ADVISER in roles:
        granted |= {"write", "nav_checkpoint"}
    if Role.INCLUSION_COORDINATOR in roles:
        granted.add("nav_checkpoint")
    return granted


def get_case_for_user(
    user: AnyUser, case_id: uuid.UUID | str, need: Need = "read"
) -> RecruitmentCase:
    try:
        case = RecruitmentCase.objects.select_related("organisation", "unit", "hiring_manager").get(
            pk=case_id
        )
    except (RecruitmentCase.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None
    if need not in case_permissions(user, case):
        raise Http404
    return case


def declaration_scope(user: AnyUser, case: RecruitmentCase) -> DeclarationScope | None:
    """How much of the target-group declarations on this case the user needs to see.

    The case's hiring manager, the unit's HR advisers and inclusion coordinators see all
    (immigrant background only the roles in IMMIGRANT_BACKGROUND_ROLES, see below);
    union representatives only whether a disability or CV gap is declared (the facts the
    interview duty turns on); everyone else nothing.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    if case.hiring_manager_id == user.pk:
        return "full"
    roles = roles_in_unit(user, case.unit)
    if roles & {Role.HR_ADVISER, Role.INCLUSION_COORDINATOR}:
        return "full"
    if Role.UNION_REPRESENTATIVE in roles:
        return "existence"
    return None


# Immigrant background is ethnic origin (GDPR art. 9). Per named applicant it goes only to
# the roles that act on it: the inclusion coordinator, who follows up the state's interview
# duty for qualified applicants with immigrant background (SPH 2.3.2.3). The rest see counts.
IMMIGRANT_BACKGROUND_ROLES = frozenset({Role.INCLUSION_COORDINATOR})


def may_see_immigrant_background(user: AnyUser, case: RecruitmentCase) -> bool:
    """Whether the user may see which named applicants declared an immigrant background
    (every view is audited by the selector that reads it)."""
    return bool(roles_in_unit(user, case.unit) & IMMIGRANT_BACKGROUND_ROLES)
