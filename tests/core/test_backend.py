"""Shows which database the suite ran on: `make test` runs it on SQLite and PostgreSQL."""

import os

from django.db import connection


def test_suite_runs_on_the_backend_given_by_database_url(db: None) -> None:
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected
    print(f"database backend: {connection.vendor}")
