"""Every change goes through a service that writes an audit event."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lim.core import services
from lim.core.errors import DomainError
from lim.core.models import AppendOnlyError, AuditEvent, Role, RoleAssignment
from tests.conftest import World, client_for


def test_organisation_update_records_old_and_new_values(world: World) -> None:
    services.organisation_update(
        actor=world.admin, organisation=world.organisation, staff_regulations_allow_12_months=True
    )
    event = AuditEvent.objects.filter(action="organisation.update").get()
    assert event.actor == world.admin
    assert event.organisation == world.organisation
    assert event.details == {"staff_regulations_allow_12_months": {"old": False, "new": True}}


def test_update_without_change_writes_nothing(world: World) -> None:
    before = AuditEvent.objects.count()
    services.organisation_update(
        actor=world.admin, organisation=world.organisation, name="Testetaten"
    )
    assert AuditEvent.objects.count() == before


def test_invalid_organisation_number_is_refused_and_changes_nothing(world: World) -> None:
    with pytest.raises(DomainError) as error:
        services.organisation_update(
            actor=world.admin, organisation=world.organisation, org_number="992000008"
        )
    assert error.value.field == "org_number"
    world.organisation.refresh_from_db()
    assert world.organisation.org_number == "992000007"
    assert not AuditEvent.objects.filter(action="organisation.update").exists()


def test_min_group_size_below_three_is_refused(world: World) -> None:
    with pytest.raises(DomainError) as error:
        services.organisation_update(
            actor=world.admin, organisation=world.organisation, min_group_size=2
        )
    assert error.value.field == "min_group_size"


def test_role_assign_and_revoke_are_audited(world: World) -> None:
    assignment = services.role_assign(
        actor=world.admin, user=world.outsider, unit=world.leaf, role=Role.HR_ADVISER
    )
    services.role_revoke(actor=world.admin, assignment=assignment)
    actions = list(
        AuditEvent.objects.filter(actor=world.admin).order_by("id").values_list("action", flat=True)
    )
    assert actions == ["role.assign", "role.revoke"]
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_administrator_cannot_remove_own_administrator_role(world: World) -> None:
    own = RoleAssignment.objects.get(user=world.admin, role=Role.ADMINISTRATOR)
    with pytest.raises(DomainError):
        services.role_revoke(actor=world.admin, assignment=own)
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_duplicate_user_email_is_refused(world: World) -> None:
    with pytest.raises(DomainError) as error:
        services.user_create(
            actor=None, organisation=None, email="MANAGER@test.example", full_name="Dup"
        )
    assert error.value.field == "email"


def test_unit_parent_must_be_in_same_organisation(world: World) -> None:
    other = services.organisation_create(
        actor=None, name="Annen etat", org_number="992000015", sector="municipal"
    )
    with pytest.raises(DomainError):
        services.unit_create(actor=None, organisation=other, name="X", parent=world.root)


def test_audit_events_are_append_only(world: World) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    event.action = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.update(action="x")


def test_settings_page_saves_through_service_and_shows_in_audit_log(world: World) -> None:
    client = client_for(world.admin)
    url = reverse("core:organisation_settings", kwargs={"organisation_id": world.organisation.id})
    data = {
        "name": "Testetaten",
        "org_number": "992000007",
        "sector": "health_trust",
        "written_standard": "nn",
        "diversity_statement": "Vi ønsker mangfold.",
        "retention_days_not_interviewed": 120,
        "retention_days_interviewed": 540,
        "min_group_size": 5,
        "applicant_list_wait_days": 5,
        "require_nav_checkpoint": "on",
        "postal_code": "5003",
        "postal_town": "Bergen",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    world.organisation.refresh_from_db()
    assert world.organisation.sector == "health_trust"
    assert (world.organisation.postal_code, world.organisation.postal_town) == ("5003", "Bergen")
    assert world.organisation.applicant_list_wait_days == 5
    log = client.get(
        reverse("core:audit_log", kwargs={"organisation_id": world.organisation.id}),
        {"action": "organisation"},
    ).content.decode()
    assert "organisation.update" in log
    assert "health_trust" in log


def test_settings_form_shows_error_summary_and_changes_nothing(world: World) -> None:
    client = client_for(world.admin, "en")
    url = reverse("core:organisation_settings", kwargs={"organisation_id": world.organisation.id})
    response = client.post(url, {"name": "", "org_number": "123", "sector": "state"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert 'href="#id_org_number"' in page
    assert 'aria-invalid="true"' in page
    world.organisation.refresh_from_db()
    assert world.organisation.name == "Testetaten"


def test_a_postal_code_must_have_four_digits(world: World) -> None:
    client = client_for(world.admin, "en")
    url = reverse("core:organisation_settings", kwargs={"organisation_id": world.organisation.id})
    data = {"name": "Testetaten", "org_number": "992000007", "sector": "state"}
    data |= {"written_standard": "nb", "min_group_size": 5, "postal_code": "50a"}
    data |= {"retention_days_not_interviewed": 120, "retention_days_interviewed": 540}
    data |= {"applicant_list_wait_days": 3}
    page = client.post(url, data).content.decode()
    assert "A postal code has four digits." in page
    assert 'href="#id_postal_code"' in page
    world.organisation.refresh_from_db()
    assert world.organisation.postal_code == ""


def test_user_page_gives_role(world: World) -> None:
    client = client_for(world.admin)
    url = reverse("core:user_list", kwargs={"organisation_id": world.organisation.id})
    response = client.post(
        url, {"user": world.outsider.pk, "unit": world.leaf.pk, "role": Role.HIRING_COUNCIL}
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=world.outsider, unit=world.leaf).exists()
    assert AuditEvent.objects.filter(action="role.assign", actor=world.admin).exists()


def test_audit_log_filters_by_actor_without_personal_data_in_url(world: World) -> None:
    services.organisation_update(actor=world.admin, organisation=world.organisation, name="Ny etat")
    client = client_for(world.admin)
    url = reverse("core:audit_log", kwargs={"organisation_id": world.organisation.id})
    page = client.get(url, {"actor": str(world.admin.pk)}).content.decode()
    assert "organisation.update" in page
    assert "role.assign" not in page
