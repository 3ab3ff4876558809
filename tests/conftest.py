from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from lim.core import services
from lim.core.models import Organisation, Role, Unit, User

PASSWORD = "correct-horse-battery-staple"


def pytest_report_header() -> str:
    from django.conf import settings

    return f"database backend: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"


@dataclass
class World:
    """An organisation with two branches and personas: an administrator, a manager in
    one branch, a colleague in the same branch with another role, and an outsider."""

    organisation: Organisation
    root: Unit
    branch: Unit
    leaf: Unit
    other_branch: Unit
    admin: User
    manager: User
    colleague: User
    outsider: User


def make_user(email: str, name: str, language: str = "nb") -> User:
    return services.user_create(
        actor=None,
        organisation=None,
        email=email,
        full_name=name,
        password=PASSWORD,
        language=language,
    )


@pytest.fixture
def world(db: None) -> World:
    organisation = services.organisation_create(
        actor=None, name="Testetaten", org_number="992000007", sector="state"
    )
    root = services.unit_create(actor=None, organisation=organisation, name="Testetaten")
    branch = services.unit_create(
        actor=None, organisation=organisation, name="Avdeling A", parent=root
    )
    leaf = services.unit_create(
        actor=None, organisation=organisation, name="Seksjon A1", parent=branch
    )
    other = services.unit_create(
        actor=None, organisation=organisation, name="Avdeling B", parent=root
    )
    admin = make_user("admin@test.example", "Ada Admin")
    manager = make_user("manager@test.example", "Mona Leder")
    colleague = make_user("colleague@test.example", "Kari Kollega", "nn")
    outsider = make_user("outsider@test.example", "Ola Utenfor", "en")
    services.role_assign(actor=None, user=admin, unit=root, role=Role.ADMINISTRATOR)
    services.role_assign(actor=None, user=manager, unit=branch, role=Role.HIRING_MANAGER)
    services.role_assign(actor=None, user=colleague, unit=branch, role=Role.UNION_REPRESENTATIVE)
    services.role_assign(actor=None, user=outsider, unit=other, role=Role.EMPLOYEE)
    return World(organisation, root, branch, leaf, other, admin, manager, colleague, outsider)


def client_for(user: User, language: str = "nb") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def closed_port() -> int:
    """A local port where no mail server listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_down(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
