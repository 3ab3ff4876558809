"""`lim serve` as `make run` uses it: gunicorn, WhiteNoise static files, no DEBUG."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

LIM = [sys.executable, "-m", "lim.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data = tmp_path_factory.mktemp("serve")
    port = _free_port()
    skip = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        SECRET_KEY="serve-test-" + "k" * 40,
        LIM_DATA_DIR=str(data),
        LIM_HTTPS="false",
        DEBUG="false",
        PORT=str(port),
    )
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"], ["demo"]):
        subprocess.run([*LIM, *command], env=env, check=True, capture_output=True)
    # A spool file left by a request killed two hours ago: `lim serve` removes it.
    stale = data / "tmp" / "uploads" / "stale-upload.part"
    stale.write_bytes(b"half a CV")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(stale, (two_hours_ago, two_hours_ago))
    log = (data / "server.log").open("wb")
    server = subprocess.Popen(
        [*LIM, "serve", "--workers", "1"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    yield base, Path(data)
    server.terminate()
    server.wait(timeout=10)
    log.close()


def test_healthz_answers_200(served) -> None:  # type: ignore[no-untyped-def]
    status, body, _ = _get(served[0] + "/healthz")
    assert status == 200
    assert b'"ok"' in body


def test_login_page_served_with_static_files(served) -> None:  # type: ignore[no-untyped-def]
    status, body, headers = _get(served[0] + "/logg-inn/")
    assert status == 200
    page = body.decode()
    assert "Logg inn i LIM" in page
    css = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    # Hashed names from the manifest mean browsers may cache static files for ever.
    assert css.startswith("/static/lim/lim.") and css != "/static/lim/lim.css"
    css_status, _, css_headers = _get(served[0] + css)
    assert css_status == 200
    assert "max-age" in css_headers.get("Cache-Control", "")
    assert "Content-Security-Policy" in headers


def test_unknown_page_is_404_without_debug_details(served) -> None:  # type: ignore[no-untyped-def]
    status, body, _ = _get(served[0] + "/finnes-ikke/")
    assert status == 404
    assert b"Traceback" not in body
    assert "Fant ikke siden" in body.decode()


def test_the_access_log_never_shows_a_private_link(served) -> None:  # type: ignore[no-untyped-def]
    base, data = served
    status, _, _ = _get(base + "/stillinger/kvittering/hemmelig-lenke-123/")
    assert status == 404
    log = data / "server.log"
    deadline = time.monotonic() + 10
    while '"GET /stillinger/kvittering/' not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    assert '"GET /stillinger/kvittering/[token]/" 404' in text
    assert "hemmelig-lenke-123" not in text


def test_the_access_log_never_shows_a_password_reset_link(served) -> None:  # type: ignore[no-untyped-def]
    base, data = served
    _get(base + "/passord/ny/MQ/cz1abc-hemmelig0reset/")
    log = data / "server.log"
    deadline = time.monotonic() + 10
    while '"GET /passord/ny/' not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    assert '"GET /passord/ny/[token]/"' in text
    assert "hemmelig0reset" not in text
    assert "/passord/ny/MQ" not in text


def test_serve_removes_stale_upload_spool_files(served) -> None:  # type: ignore[no-untyped-def]
    _, data = served
    assert (data / "tmp" / "uploads").is_dir()
    assert not (data / "tmp" / "uploads" / "stale-upload.part").exists()
