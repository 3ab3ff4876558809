"""The words for hiring routes and employments that several rules share."""

from __future__ import annotations

from enum import StrEnum


class Route(StrEnum):
    ORDINARY = "ordinary"
    ADMINISTRATIVE = "administrative"
    WAGE_SUBSIDY = "wage_subsidy"
    AFTER_TRAINEE = "after_trainee"
    TRAINEE = "trainee"


class Employment(StrEnum):
    PERMANENT = "permanent"
    TEMPORARY = "temporary"


class TemporaryBasis(StrEnum):
    """Statsansatteloven § 9 first paragraph letters a–e."""

    A = "a"  # temporary work, extra workload, limited assignment, special qualifications
    B = "b"  # substitute
    C = "c"  # practice work, including the state trainee programme
    D = "d"  # education positions
    E = "e"  # up to 6 months for an unforeseen need
