"""Benchmark: the first page of a case's screening list (the applicant list) with 5,000
applications, in server time, and its SQL query count at 500 and at 5,000 applications.

Target (issue 4): under 150 ms, with a query count that does not grow with the number of
applications. Run from the project root:

    .venv/bin/python benchmarks/screening_list.py [--runs 20]

It works in a throwaway SQLite database in a temporary data directory (migrated here),
creates one published case with `bulk_create`d applications, logs the Django test client
in as the case's hiring manager and times the request for the list's first page
(render included; no network, no browser). It prints best and median of the runs.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = tempfile.mkdtemp(prefix="lim-bench-screening-")
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)
os.environ["LIM_DATA_DIR"] = DATA_DIR
os.environ["DATABASE_URL"] = f"sqlite:///{DATA_DIR}/bench.sqlite3"
os.environ.setdefault("SECRET_KEY", "benchmark-secret-key-that-is-long-enough-0123456789")
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import django  # noqa: E402

django.setup()

from benchmarks._cases import PASSWORD, publish_case  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from lim.core.models import User  # noqa: E402
from lim.recruitment.models import Application, RecruitmentCase  # noqa: E402

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
FIRST_NAMES = ["Ola", "Kari", "Sofie", "Ahmed", "Nina", "Per", "Ingrid", "Jonas", "Fatima"]
LAST_NAMES = ["Nordmann", "Dahl", "Hansen", "Berg", "Haugen", "Ali", "Johansen", "Lie"]
MUNICIPALITIES = ["Bergen", "Oslo", "Tromsø", "Bodø", "Stavanger", "Trondheim"]


def make_case(title: str) -> tuple[RecruitmentCase, User]:
    """A unit with a hiring manager, HR and a coordinator, and a published case in it,
    through the services (benchmarks/_cases.py)."""
    published = publish_case(title, now=NOW, deadline=dt.date(2026, 3, 20))
    return published.case, published.manager


def add_applications(case: RecruitmentCase, count: int) -> None:
    rng = random.Random(count)
    rows = []
    for n in range(count):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        submitted = NOW + dt.timedelta(minutes=n)
        rows.append(
            Application(
                case=case,
                name=name,
                email=f"soker{n}@example.org",
                birth_date=dt.date(1960 + rng.randrange(45), 1 + rng.randrange(12), 1),
                municipality=rng.choice(MUNICIPALITIES),
                gender=rng.choice(["woman", "man", "other", "unknown"]),
                source=rng.choice(["portal", "portal", "portal", "hr", "nav"]),
                status=rng.choice(["new", "new", "under_assessment", "qualified"]),
                cover_letter="Jeg søker stillingen. " * 40,
                submitted_at=submitted,
                status_changed_at=submitted,
            )
        )
    Application.objects.bulk_create(rows, batch_size=1000)


def measure(client: Client, url: str, runs: int) -> tuple[list[float], int, int]:
    """Times of `runs` requests (after one warm-up), the query count and the row count."""
    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    rows = response.content.decode().count('name="applications"')
    return times, len(queries), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)

    results: dict[int, dict[str, tuple[list[float], int, int]]] = {}
    setups: dict[int, float] = {}
    for count in (500, 5000):
        start = time.perf_counter()
        case, manager = make_case(f"Rådgiver {count}")
        add_applications(case, count)
        setups[count] = time.perf_counter() - start
        client = Client(headers={"accept-language": "nb"})
        assert client.login(username=manager.email, password=PASSWORD)
        url = reverse("recruitment:applicant_list", kwargs={"case_id": case.id})
        results[count] = {
            "plain": measure(client, url, args.runs),
            "blind": measure(client, url + "?blind=on", args.runs),
            "filtered": measure(client, url + "?status=new&sort=name", args.runs),
        }

    print(f"Screening list, first page, Django test client, {args.runs} runs each")
    header = ("applications", "view", "best ms", "median ms", "queries", "rows")
    print("{:>12} {:>9} {:>8} {:>10} {:>8} {:>5}".format(*header))
    for count, result in results.items():
        for view in ("plain", "blind", "filtered"):
            times, queries, rows = result[view]
            best, median = min(times) * 1000, statistics.median(times) * 1000
            print(f"{count:>12} {view:>9} {best:>8.1f} {median:>10.1f} {queries:>8} {rows:>5}")
    for count, seconds in setups.items():
        print(f"setup of {count} applications (services + bulk_create): {seconds:.2f} s")
    grows = any(
        results[500][view][1] != results[5000][view][1] for view in ("plain", "blind", "filtered")
    )
    median_5000 = statistics.median(results[5000]["plain"][0]) * 1000
    print(f"query count grows with the applications: {'YES' if grows else 'no'}")
    print(f"target < 150 ms (median, 5,000, plain): {'met' if median_5000 < 150 else 'MISSED'}")


if __name__ == "__main__":
    main()
