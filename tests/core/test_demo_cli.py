from __future__ import annotations

import subprocess
import sys

from django.core import serializers
from django.core.management import call_command

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
    assert before[1:] == (2, 12, before[3]) and before[3] >= 500
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
