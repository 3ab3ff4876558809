from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from django.utils import translation

from lim.cli import main
from lim.core.models import AuditEvent, Organisation, RoleAssignment, Unit, User


def _dump() -> str:
    objects = [
        *Organisation.objects.order_by("pk"),
        *Unit.objects.order_by("pk"),
        *User.objects.order_by("pk"),
        *RoleAssignment.objects.order_by("pk"),
    ]
    return serializers.serialize("json", objects, fields=None)


def test_demo_twice_leaves_the_same_data(db: None) -> None:
    from lim.equality.models import WorkforceSnapshot
    from lim.recruitment.models import Application, RecruitmentCase

    def counts() -> tuple[int, ...]:
        return (
            AuditEvent.objects.count(),
            WorkforceSnapshot.objects.count(),
            RecruitmentCase.objects.count(),
            Application.objects.count(),
        )

    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first, before = _dump(), counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _dump() == first
    assert counts() == before
    assert before[1:] == (2, 15, before[3]) and before[3] >= 500
    assert Unit.objects.count() == 10
    assert set(RoleAssignment.objects.values_list("role", flat=True)) == {
        "administrator",
        "hiring_manager",
        "hr_adviser",
        "inclusion_coordinator",
        "union_representative",
        "hiring_council",
        "equality_analyst",
        "employee",
    }


def test_lim_help_lists_commands(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "demo", "migrate", "createsuperuser", "rules", "equality"):
        assert command in out


def test_lim_console_script_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lim.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "lim demo" in result.stdout or "demo" in result.stdout


def _demo(*args: str) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("today", "years"),
    [
        ("2026-01-10", {2024, 2025}),
        ("2026-12-03", {2024, 2025}),
        ("2027-01-02", {2025, 2026}),
        ("2028-02-29", {2026, 2027}),
    ],
)
def test_demo_has_the_statements_for_the_last_two_completed_years(
    db: None, today: str, years: set[int]
) -> None:
    from lim.equality.models import WorkforceSnapshot

    out = _demo("--today", today)
    assert f"counted from {today}" in out
    snapshots = WorkforceSnapshot.objects.all()
    assert {s.year for s in snapshots} == years
    for snapshot in snapshots:
        assert snapshot.imported_at.date() < dt.date.fromisoformat(today)


def test_demo_on_a_later_day_changes_nothing_and_says_which_day_it_keeps(db: None) -> None:
    _demo("--today", "2026-12-03")
    first = _dump()
    out = _demo("--today", "2027-06-01")
    assert "0 new objects" in out
    assert "already built relative to 2026-12-03" in out
    assert _dump() == first
    assert "0 new objects" in _demo()  # the real today, whatever it is


def test_demo_rejects_a_day_that_is_not_a_date(db: None) -> None:
    from lim.core.models import Organisation

    with translation.override("nn"), pytest.raises(CommandError, match="ÅÅÅÅ-MM-DD"):
        call_command("demo", "--today", "3.12.2026", stdout=io.StringIO())
    assert not Organisation.objects.exists()


def test_demo_help_says_it_is_built_once(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        call_command("demo", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "--today YYYY-MM-DD" in out
    assert "changes nothing" in out
