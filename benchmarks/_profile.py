"""Where a career-site POST spends its time: `portal_submissions.py --profile`.

In-process, in the database the environment names (migrated): one published case, then N
applications with the given PDF through the Django test client (the whole request:
middleware, multipart parsing, form, service, receipt), timed without a profiler, then
again under cProfile. Prints the SQL of one POST, the time per POST and the functions
that take it. No network and no gunicorn: the figures are the server's own work."""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import statistics
import time
from typing import Any

# LIM's own steps in a POST, and Django's parsing of the upload (cProfile function names).
STEPS = (
    "apply",
    "wrapper",
    "_store",
    "portal_submit",
    "application_create",
    "audit_record",
    "_send_receipt",
    "queue_mail",
    "_save_documents",
    "_new_token",
    "public_ad",
    "rate_limit_allows",
    "_earlier_receipt",
    "is_valid",
    "parse",
    "set_signed_cookie",
)


def profile_posts(count: int, pdf: bytes) -> None:
    from benchmarks._cases import applicant_fields, publish_open_case

    ad_id = publish_open_case()  # sets Django up
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # No collectstatic: the plain storage (a manifest lookup is a dict lookup either way).
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": static}
    url = f"/stillinger/{ad_id}/sok/"

    gets: list[float] = []

    def prepared(serial: int) -> tuple[Client, dict[str, Any]]:
        client = Client(HTTP_HOST="127.0.0.1")
        started = time.perf_counter()
        html = client.get(url).content.decode()
        gets.append(time.perf_counter() - started)
        key = re.search(r'name="idempotency_key" value="([^"]+)"', html) or re.search(
            r'value="([^"]+)" name="idempotency_key"', html
        )
        assert key is not None
        data: dict[str, Any] = applicant_fields(serial, key.group(1))
        data["cv"] = SimpleUploadedFile("cv.pdf", pdf, content_type="application/pdf")
        return client, data

    def post(client: Client, data: dict[str, Any]) -> float:
        started = time.perf_counter()
        response = client.post(url, data)
        elapsed = time.perf_counter() - started
        assert response.status_code == 302, response.status_code
        return elapsed

    forms = [prepared(n) for n in range(2 * count + 2)]
    post(*forms[0])  # warm-up
    with CaptureQueriesContext(connection) as queries:
        post(*forms[1])
    print(f"SQL of one POST ({len(queries.captured_queries)} statements):")
    for query in queries.captured_queries:
        print(f"    {query['sql'][:110]}")
    plain = [post(*pair) for pair in forms[2 : count + 2]]
    for what, times in (("GET of the form", gets[1:]), ("POST", plain)):
        print(
            f"{what}, in-process, {len(times)} runs: median "
            f"{statistics.median(times) * 1000:.1f} ms, best {min(times) * 1000:.1f} ms"
        )
    profiler = cProfile.Profile()
    profiler.enable()
    for pair in forms[count + 2 :]:
        post(*pair)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(25)
    # LIM's own steps, and the parsing of the upload, by the time they take.
    steps = "|".join(STEPS)
    stats.sort_stats("cumulative").print_stats(rf"\(({steps})\)", 30)
    stats.sort_stats("tottime").print_stats(15)
    print(f"\ncProfile, {count} POSTs (times include the profiler's own overhead):")
    print(out.getvalue())
