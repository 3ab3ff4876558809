"""Applicants who send at the same moment, against `lim serve` on the default embedded
database (SQLite in a file): every one is acknowledged and stored exactly once, none gets
"database is locked". Real processes (gunicorn, several workers) over real HTTP. And the
submission writes its files before it takes the database's write lock."""

from __future__ import annotations

import http.client
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test import Client

from lim.portal import views
from lim.portal.models import ApplicationDocument
from lim.recruitment.models import Application, JobAd
from tests.portal.conftest import Clock, pdf, post_application

ROOT = Path(__file__).resolve().parents[2]
LIM = [sys.executable, "-m", "lim.cli"]
APPLICANTS = 12
PDF = b"%PDF-1.4\n" + b"% padding line for a small test document\n" * 2500 + b"%%EOF\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, str, Path]]:
    """`lim serve` with 3 workers on a file SQLite database; the port, an open ad's id
    and the data directory."""
    data = tmp_path_factory.mktemp("concurrency")
    port = _free_port()
    skip = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        SECRET_KEY="concurrency-test-" + "k" * 40,
        LIM_DATA_DIR=str(data),
        LIM_HTTPS="false",
        DEBUG="true",  # plain static files: no collectstatic (slow), nothing else differs
        EMAIL_BACKEND="file",
        LIM_SUBMISSIONS_PER_CLIENT="1000",  # all the test's applicants come from 127.0.0.1
        LOG_LEVEL="WARNING",
    )
    subprocess.run([*LIM, "migrate", "-v0"], env=env, check=True, capture_output=True)
    ad_id = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "_cases.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    log = (data / "server.log").open("wb")
    process = subprocess.Popen(
        [*LIM, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "3"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    try:
        yield port, ad_id, data
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def _request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[int, str, str, list[str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        page = response.read().decode(errors="replace")
        cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
        return response.status, response.getheader("Location", ""), page, cookies
    finally:
        connection.close()


def _multipart(fields: dict[str, str], pdf: bytes) -> tuple[bytes, str]:
    boundary = f"----limtest{uuid.uuid4().hex}"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + pdf
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _apply(port: int, path: str, number: int, start: threading.Barrier) -> tuple[str, str]:
    """One applicant: GET the form, wait for the others, POST. The idempotency key and
    the answer (status and where it redirects)."""
    status, _, page, cookies = _request(port, "GET", path)
    assert status == 200
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    key = re.search(r'name="idempotency_key" value="([^"]+)"|value="([^"]+)" name="idem', page)
    assert csrf is not None and key is not None
    idempotency_key = key.group(1) or key.group(2)
    fields = {
        "csrfmiddlewaretoken": csrf.group(1),
        "idempotency_key": idempotency_key,
        "name": f"Søker {number}",
        "email": f"soker{number}@example.org",
        "phone": "+47 900 00 000",
        "birth_date": "17.05.1990",
        "municipality": "Bergen",
        "occupation": "Rådgiver",
        "gender": "woman",
        "cover_letter": "Jeg vil gjerne jobbe hos dere.",
        "education": "Master i rettsvitenskap",
        "experience": "Rådgiver i staten",
        "current_employment": "none",
        "consent": "on",
    }
    body, content_type = _multipart(fields, PDF)
    base = f"http://127.0.0.1:{port}"
    headers = {
        "Content-Type": content_type,
        "Cookie": "; ".join(cookies),
        "Referer": base + path,
        "Origin": base,
    }
    start.wait(timeout=30)
    status, location, page, _ = _request(port, "POST", path, body, headers)
    return idempotency_key, f"{status} {location}" if location else f"{status} {page[:200]}"


def test_applicants_sending_at_once_are_all_acknowledged_and_stored_once(server) -> None:  # type: ignore[no-untyped-def]
    port, ad_id, data = server
    path = f"/stillinger/{ad_id}/sok/"
    start = threading.Barrier(APPLICANTS)
    with ThreadPoolExecutor(APPLICANTS) as pool:
        results = list(pool.map(lambda n: _apply(port, path, n, start), range(APPLICANTS)))

    answers = [answer for _key, answer in results]
    assert answers == [f"302 /stillinger/{ad_id}/sendt/"] * APPLICANTS, answers
    with sqlite3.connect(data / "lim.sqlite3") as db:
        stored = dict(
            db.execute(
                "SELECT idempotency_key, COUNT(*) FROM portal_portalsubmission"
                " GROUP BY idempotency_key"
            ).fetchall()
        )
        documents = db.execute("SELECT COUNT(*) FROM portal_applicationdocument").fetchone()[0]
    keys = [uuid.UUID(key).hex for key, _answer in results]
    assert {key: stored.get(key) for key in keys} == dict.fromkeys(keys, 1)
    assert documents == APPLICANTS
    assert len(list((data / "uploads" / "applications").iterdir())) == APPLICANTS
    assert "database is locked" not in (data / "server.log").read_text()


@pytest.mark.django_db(transaction=True)
def test_files_are_written_before_the_transaction_starts(
    ad: JobAd, clock: Clock, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """Writing a 10 MB file inside the transaction would hold SQLite's one write lock
    (and every other applicant) for as long as the disk takes."""
    in_transaction: list[bool] = []
    save = FileSystemStorage._save

    def watched(self: FileSystemStorage, name: str, content: Any) -> str:
        in_transaction.append(connection.in_atomic_block)
        return save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", watched)
    response = post_application(Client(), ad, attachments=[pdf("vitnemal.pdf")])
    assert response.status_code == 302
    assert in_transaction == [False, False]
    assert ApplicationDocument.objects.count() == 2
    assert len(list((settings.MEDIA_ROOT / "applications").iterdir())) == 2


def test_a_key_stored_meanwhile_keeps_no_second_copy_of_the_files(
    ad: JobAd, clock: Clock, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """Two POSTs of the same form that both pass the early check (a race): the second
    gets the same answer, and its files, written before the transaction, are removed."""
    monkeypatch.setattr(views, "_submitted_before", lambda key: False)
    key = str(uuid.uuid4())
    first = post_application(Client(), ad, idempotency_key=key)
    second = post_application(Client(), ad, idempotency_key=key)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Application.objects.count() == 1
    assert len(list((settings.MEDIA_ROOT / "applications").iterdir())) == 1


def test_an_address_that_applied_before_keeps_no_second_copy_of_the_files(
    ad: JobAd, clock: Clock, settings: Any
) -> None:
    """The second application with the same address only gets a new link by e-mail;
    the files it sent, written before the transaction, are removed."""
    first = post_application(Client(), ad, email="siri@example.org")
    second = post_application(Client(), ad, email="siri@example.org", attachments=[pdf("b.pdf")])
    assert first.status_code == second.status_code == 302
    assert Application.objects.count() == 1
    assert len(list((settings.MEDIA_ROOT / "applications").iterdir())) == 1
