"""Small-group suppression (formats/equality-report.md, Privacy)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

# Why a figure is hidden: its group is too small, or it is hidden so that another hidden
# figure cannot be worked out from it and the published ones.
SuppressionReason = Literal["small_group", "complementary"]

DEFAULT_MIN_GROUP_SIZE = 5
LOWEST_MIN_GROUP_SIZE = 3


class MinGroupSizeError(ValueError):
    """The threshold is below what the privacy rules allow."""


def check_min_group_size(min_group_size: int) -> int:
    if isinstance(min_group_size, bool) or not isinstance(min_group_size, int):
        raise MinGroupSizeError(f"min_group_size must be a whole number, not {min_group_size!r}")
    if min_group_size < LOWEST_MIN_GROUP_SIZE:
        raise MinGroupSizeError(
            f"min_group_size must be at least {LOWEST_MIN_GROUP_SIZE}, not {min_group_size}"
        )
    return min_group_size


def too_small(women: int, men: int, min_group_size: int) -> bool:
    """A figure comparing women and men is suppressed when either group is too small."""
    return women < min_group_size or men < min_group_size


def reason(small: bool, hidden: bool) -> SuppressionReason | None:
    """The reason recorded with a figure: a small group first, else protecting another."""
    if small:
        return "small_group"
    return "complementary" if hidden else None


def small_group(hidden: bool) -> SuppressionReason | None:
    """For figures hidden only for their own group's size (no sums to protect)."""
    return reason(hidden, hidden)


def complementary(
    total: tuple[int, int],
    total_suppressed: bool,
    rows: Sequence[tuple[int, int]],
    suppressed: Sequence[bool],
) -> tuple[bool, list[bool]]:
    """Suppress more cells until no suppressed figure can be derived.

    For each gender the rows add up to the total (sum of pay = mean × count), so when
    exactly one cell with people of that gender is unknown, it is the total minus the
    published rest. Counts (women, men) are published, so each gender is checked apart.
    The next cell hidden is the published row with the fewest people of that gender;
    the total only when no such row is left.
    """
    hidden = list(suppressed)
    total_hidden = total_suppressed
    changed = True
    while changed:
        changed = False
        for gender in (0, 1):
            unknown = sum(1 for row, h in zip(rows, hidden, strict=True) if h and row[gender])
            if total_hidden and total[gender]:
                unknown += 1
            if unknown != 1:
                continue
            candidates = [
                (row[gender], row[0] + row[1], i)
                for i, row in enumerate(rows)
                if not hidden[i] and row[gender]
            ]
            if candidates:
                hidden[min(candidates)[2]] = True
            elif not total_hidden:
                total_hidden = True
            else:  # pragma: no cover - the rows add up to the total, so a row has people
                continue
            changed = True
    return total_hidden, hidden
