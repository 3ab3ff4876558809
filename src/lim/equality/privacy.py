"""The equality statement's data and personal data (lim.core.personal_data)."""

from __future__ import annotations

from lim.core.personal_data import Purge, not_personal, register


def register_personal_data() -> None:
    from lim.equality import models as m

    how = "one table per organisation and year, replaced when the year is imported again"
    register(m.WorkforceSnapshot, purge=Purge.OWN_RULE, fields=("data",), how=how)
    register(m.ApplicationsSnapshot, purge=Purge.OWN_RULE, fields=("data",), how=how)
    register(
        m.ImportJob,
        purge=Purge.OWN_RULE,
        fields=("workforce_name", "applications_name", "workforce_file", "problems"),
        how=(
            "the uploaded files are deleted when the import has run; the finished job and "
            "its problem report 30 days later (equality/tasks.py, daily)"
        ),
    )
    for model in (m.EqualityStatement, m.StatementAreaText):
        not_personal(model, why="the organisation's own texts, published as the statement")
