"""Personal data outside the applications: staff accounts, the audit log, sessions and
the task queue (lim.core.personal_data), and the look-alikes that are not personal."""

from __future__ import annotations

from django.apps import apps

from lim.core.personal_data import Purge, not_personal, register


def register_personal_data() -> None:
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult

    from lim.core import models as m

    register(
        m.User,
        purge=Purge.OWN_RULE,
        fields=("email", "full_name"),
        how="staff accounts: deactivated and removed by the organisation's administrator",
    )
    register(
        m.AuditEvent,
        purge=Purge.OWN_RULE,
        fields=("actor_label",),
        how="append-only; names staff, and applicants only by kind and id (audit_label)",
    )
    register(
        Session,
        purge=Purge.OWN_RULE,
        fields=("session_data",),
        how="expired sessions are removed by Django's clearsessions",
    )
    register(
        DBTaskResult,
        purge=Purge.OWN_RULE,
        fields=("args_kwargs",),
        how="finished tasks (e-mail addresses and bodies) are pruned daily (core/tasks.py)",
    )
    for model in (m.Organisation, m.Unit, m.ScheduledRun, Group, Permission, ContentType):
        not_personal(model, why="about the organisation or the software, not about a person")
    if apps.is_installed("axes"):  # login attempts: user names and addresses
        from axes.models import (  # type: ignore[import-untyped]  # django-axes has no stubs
            AccessAttempt,
            AccessFailureLog,
            AccessLog,
        )

        for model in (AccessAttempt, AccessLog, AccessFailureLog):
            register(
                model,
                purge=Purge.OWN_RULE,
                fields=("username", "ip_address"),
                how="django-axes' own expiry (AXES_COOLOFF_TIME, axes_reset_logs)",
            )
