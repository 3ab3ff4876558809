from __future__ import annotations

from pathlib import Path

import pytest

from lim.core import services as core_services
from lim.core.models import Role, User
from tests.conftest import World, make_user

FIXTURES = Path(__file__).resolve().parents[1] / "equality" / "fixtures"


@pytest.fixture
def analyst(world: World) -> User:
    user = make_user("analyst@test.example", "Anna Analytiker")
    core_services.role_assign(actor=None, user=user, unit=world.root, role=Role.EQUALITY_ANALYST)
    return user


@pytest.fixture
def norwegian_csv() -> bytes:
    return (FIXTURES / "workforce_norwegian.csv").read_bytes()


@pytest.fixture
def clean_csv() -> bytes:
    return (FIXTURES / "workforce_clean.csv").read_bytes()
