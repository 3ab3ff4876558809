"""Benchmark: applications with a 1 MB PDF through the career site, against `lim serve`
(gunicorn, 2 workers) and `lim worker`, on SQLite or PostgreSQL, over real HTTP on
127.0.0.1.

Targets: 50 concurrent clients without errors, p95 POST latency under 500 ms (issue 5); a
burst of 1,000 submissions in which every acknowledged application is stored exactly
once, also when one gunicorn worker is killed (SIGKILL) during the burst; the highest
paced rate with p95 under 500 ms and no errors, at least 10 a second on SQLite and 15 on
PostgreSQL (issue 10). Run from the project root:

    .venv/bin/python benchmarks/portal_submissions.py            # SQLite (a temp file)
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python benchmarks/portal_submissions.py
    .venv/bin/python benchmarks/portal_submissions.py --sweep    # paced rates, 5 to 30/s
    .venv/bin/python benchmarks/portal_submissions.py --profile  # where a POST's time goes

It migrates the database in DATABASE_URL (unset: SQLite in a temporary data directory,
the default of an installation), publishes one case through the services (ad open,
deadline in 14 days), starts `lim serve --workers 2` on a free loopback port and `lim
worker` (which sends the receipts queued in the database) and drives the server with
standard-library HTTP clients in threads: each submission GETs the form (CSRF cookie and
token, hidden idempotency key) and POSTs it as multipart/form-data with a generated ~1 MB
PDF and a unique e-mail address. Only the POST is timed. Counts and times are bounded; the
processes are stopped at the end, also on errors.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import http.client
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks._cases import applicant_fields, publish_open_case  # noqa: E402

LIM = [sys.executable, "-m", "lim.cli"]
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 60.0
RETRIES = 3  # a POST that failed with a connection error is sent again, same form data
SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def make_pdf(size: int = 1_000_000) -> bytes:
    """A valid-looking PDF of about `size` bytes: header, comment lines as padding, EOF."""
    head, tail = b"%PDF-1.4\n", b"\n%%EOF\n"
    line = b"% " + b"benchmark padding " * 4 + b"\n"
    count = (size - len(head) - len(tail)) // len(line)
    return head + line * count + tail


PDF = make_pdf()


# --- setup ---------------------------------------------------------------------------


def server_env(data_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": SECRET,
            "LIM_HTTPS": "false",
            "LIM_DATA_DIR": data_dir,
            "LIM_SUBMISSIONS_PER_CLIENT": "1000000",
            "EMAIL_BACKEND": "file",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SETTINGS_MODULE": "lim.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def run_lim(env: dict[str, str], *args: str) -> None:
    subprocess.run([*LIM, *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    with contextlib.suppress(OSError):
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    return inodes


def worker_serving(workers: list[int], server_port: int, client_ports: set[int]) -> int | None:
    """The worker holding an accepted connection from one of `client_ports` (a POST in
    flight), found through /proc/<pid>/fd and /proc/net/tcp; None if there is none."""
    owners = {inode: pid for pid in workers for inode in _socket_inodes(pid)}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], fields[9]
        if int(local.split(":")[1], 16) != server_port:
            continue
        if int(remote.split(":")[1], 16) in client_ports and inode in owners:
            return owners[inode]
    return None


def worker_pids(master: int) -> list[int]:
    pids: list[int] = []
    for children in Path(f"/proc/{master}/task").glob("*/children"):
        try:
            pids += [int(p) for p in children.read_text().split()]
        except OSError:
            continue
    return sorted(set(pids))


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def wait_healthy(self, limit: float = 60.0) -> None:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"lim serve exited; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status == 200 and len(worker_pids(self.process.pid)) >= 2:
                        return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.2)
        raise RuntimeError("lim serve did not become healthy in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            workers = worker_pids(self.process.pid)
            self.process.send_signal(signal.SIGTERM)  # gunicorn stops its workers
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                for pid in workers:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                self.process.kill()
                self.process.wait(timeout=10)


def start_server(env: dict[str, str], data_dir: str, workers: int) -> Server:
    port = free_port()
    log = Path(data_dir) / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # `lim serve` execs gunicorn: this pid is the master
            [*LIM, "serve", "--host", HOST, "--workers", str(workers), "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Server(port, process, log)


# --- the client ----------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 302 to the "sent" page is the acknowledgement; do not follow it


CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY_RE = re.compile(
    r'name="idempotency_key" value="([^"]+)"|value="([^"]+)" name="idempotency_key"'
)
# Local ports of the POST connections open right now (see Client._post).
IN_FLIGHT: set[int] = set()
IN_FLIGHT_LOCK = threading.Lock()
CONNECTION_ERRORS = (
    ConnectionError,
    http.client.RemoteDisconnected,
    http.client.IncompleteRead,
    http.client.BadStatusLine,
    urllib.error.URLError,
    TimeoutError,
)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = f"----limbench{uuid.uuid4().hex}"
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode()
            + b"\r\n"
        )
    for name, (filename, content) in files.items():
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Outcome:
    key: str
    acknowledged: bool = False
    status: str = ""
    latencies: list[float] = field(default_factory=list)  # every POST attempt, seconds
    attempts: int = 0


class Client:
    """One simulated applicant's browser: its own cookie jar."""

    def __init__(self, base: str, ad_id: str) -> None:
        self.base = base
        self.port = int(base.rsplit(":", 1)[1])
        self.path = f"/stillinger/{ad_id}/sok/"
        self.url = f"{base}{self.path}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def form(self) -> tuple[str, str]:
        """GET the form: the CSRF token and the idempotency key (retried on connection errors)."""
        for attempt in range(RETRIES + 1):
            try:
                with self.opener.open(self.url, timeout=REQUEST_TIMEOUT) as response:
                    html = response.read().decode()
                break
            except CONNECTION_ERRORS:
                if attempt == RETRIES:
                    raise
                time.sleep(0.2)
        csrf, key = CSRF_RE.search(html), KEY_RE.search(html)
        if csrf is None or key is None:
            raise RuntimeError("no CSRF token or idempotency key in the form")
        return csrf.group(1), key.group(1) or key.group(2)

    def submit(self, serial: int, retries: int) -> Outcome:
        csrf, key = self.form()
        fields = {"csrfmiddlewaretoken": csrf, **applicant_fields(serial, key)}
        body, content_type = multipart(fields, {"cv": ("cv.pdf", PDF)})
        outcome = Outcome(key)
        for _attempt in range(retries + 1):
            outcome.attempts += 1
            started = time.perf_counter()
            try:
                status, location = self._post(body, content_type)
                outcome.latencies.append(time.perf_counter() - started)
            except CONNECTION_ERRORS as error:
                outcome.latencies.append(time.perf_counter() - started)
                outcome.status = f"connection error: {type(error).__name__}"
                continue
            # The same answer for a new application and a repeated key: the "sent" page.
            outcome.acknowledged = status in (302, 303) and location.endswith("/sendt/")
            outcome.status = str(status) if outcome.acknowledged else f"HTTP {status} {location}"
            return outcome
        return outcome

    def _post(self, body: bytes, content_type: str) -> tuple[int, str]:
        """POST over a fresh connection whose local port is in IN_FLIGHT while the request
        is open, so the burst can kill the worker that is handling a POST."""
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        port = 0
        try:
            connection.connect()
            assert connection.sock is not None
            port = connection.sock.getsockname()[1]
            with IN_FLIGHT_LOCK:
                IN_FLIGHT.add(port)
            connection.request(
                "POST",
                self.path,
                body=body,
                headers={
                    "Content-Type": content_type,
                    "Cookie": cookies,
                    "Referer": self.url,
                    "Origin": self.base,
                    "Accept-Language": "nb",
                },
            )
            response = connection.getresponse()
            response.read()
            return response.status, response.getheader("Location", "")
        finally:
            with IN_FLIGHT_LOCK:
                IN_FLIGHT.discard(port)
            connection.close()


# --- the runs ------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


@dataclass
class Load:
    """The figures of one load run."""

    planned: int
    ok: int
    latencies: list[float]  # seconds, every POST
    failures: Counter[str]
    elapsed: float
    server_ms: list[float]  # gunicorn's own time per POST

    @property
    def errors(self) -> int:
        return sum(self.failures.values())

    def ms(self, p: float) -> float:
        return percentile(self.latencies, p) * 1000

    @property
    def met(self) -> bool:
        return self.ms(95) < 500 and not self.failures and self.ok == self.planned


def load_test(
    server: Server, ad_id: str, clients: int, each: int, limit: float, rate: float = 0.0
) -> Load:
    """`clients` threads with `each` submissions each: back to back when `rate` is 0
    (saturation), else started on a schedule of `rate` submissions per second in all."""
    end = time.monotonic() + limit
    log_start = server.log.stat().st_size
    started = time.monotonic()
    outcomes: list[Outcome] = []
    failures: Counter[str] = Counter()
    lock = threading.Lock()

    def client_run(number: int) -> None:
        client = Client(server.url, ad_id)
        for n in range(each):
            if rate:
                due = started + (n * clients + number) / rate
                time.sleep(max(0.0, due - time.monotonic()))
            if time.monotonic() > end:
                with lock:
                    failures["not sent (time limit)"] += each - n
                return
            try:
                outcome = client.submit(number * each + n, retries=0)
            except Exception as error:
                with lock:
                    failures[f"{type(error).__name__}: {error}"[:100]] += 1
                continue
            with lock:
                outcomes.append(outcome)
                if not outcome.acknowledged:
                    failures[outcome.status] += 1

    with cf.ThreadPoolExecutor(clients) as pool:
        list(pool.map(client_run, range(clients)))
    elapsed = time.monotonic() - started
    server_ms = [  # gunicorn's access log: the worker's own time, without the queue
        float(m.group(1))
        for m in re.finditer(
            r'"POST [^"]*" \d+ \S+ (\d+)ms',
            server.log.read_bytes()[log_start:].decode(errors="replace"),
        )
    ]
    return Load(
        planned=clients * each,
        ok=sum(o.acknowledged for o in outcomes),
        latencies=[t for o in outcomes for t in o.latencies],
        failures=failures,
        elapsed=elapsed,
        server_ms=server_ms,
    )


def print_load(load: Load, clients: int, each: int, rate: float) -> None:
    pace = f", started at {rate:g} per second" if rate else ", back to back"
    print(f"\n== Load: {clients} concurrent clients x {each} submissions{pace}, 1 MB PDF ==")
    print(f"POSTs sent:                      {len(load.latencies)} of {load.planned}")
    print(f"acknowledged (302 to 'sent'):   {load.ok}")
    print(f"errors:                          {load.errors}")
    for reason, count in load.failures.most_common():
        print(f"    {count:5d}  {reason}")
    print(f"wall time:                       {load.elapsed:.1f} s (GET of the form included)")
    print(f"throughput:                      {load.ok / load.elapsed:.1f} submissions/s")
    print(f"POST latency p50:                {load.ms(50):.0f} ms")
    print(f"POST latency p95:                {load.ms(95):.0f} ms")
    print(f"POST latency max:                {load.ms(100):.0f} ms")
    if load.latencies:
        print(f"POST latency mean:               {statistics.fmean(load.latencies) * 1000:.0f} ms")
    if load.server_ms:
        ms = load.server_ms
        print(
            f"server time per POST (gunicorn): p50 {percentile(ms, 50):.0f} ms, "
            f"p95 {percentile(ms, 95):.0f} ms, max {max(ms):.0f} ms"
        )
    print(f"target p95 < 500 ms, no errors:  {'met' if load.met else 'MISSED'}")


def sweep(
    server: Server, ad_id: str, rates: list[float], seconds: float, clients: int
) -> float | None:
    """Paced loads at increasing rates, `seconds` long each (bounded): per rate the POST
    latencies and errors; the highest rate with p95 < 500 ms and no errors."""
    print(f"\n== Sweep: paced submissions, {seconds:g} s per rate, up to {clients} clients ==")
    print(
        " rate/s  sent   ok  errors  p50 ms  p95 ms  max ms  server p50/p95 ms  achieved/s  p95<500"
    )
    load_test(server, ad_id, 2, 5, limit=120.0)  # warm-up: imports, templates, caches
    best: float | None = None
    for rate in rates:
        total = max(1, round(rate * seconds))
        threads = min(clients, total)
        each = max(1, round(total / threads))
        load = load_test(server, ad_id, threads, each, limit=seconds * 6 + 60, rate=rate)
        ms = load.server_ms or [float("nan")]
        print(
            f"{rate:7g} {load.planned:5d} {load.ok:4d} {load.errors:7d} {load.ms(50):7.0f} "
            f"{load.ms(95):7.0f} {load.ms(100):7.0f} "
            f"{percentile(ms, 50):10.0f}/{percentile(ms, 95):<6.0f} "
            f"{load.ok / load.elapsed:11.1f}  {'yes' if load.met else 'no'}",
            flush=True,
        )
        for reason, count in load.failures.most_common(3):
            print(f"        {count:5d}  {reason}")
        if load.met:
            best = rate if best is None else max(best, rate)
        time.sleep(2)  # let the queue drain between rates
    print(f"highest rate with p95 < 500 ms and no errors: {best if best else 'none'}/s")
    return best


def burst(
    server: Server, ad_id: str, total: int, clients: int, kill_after: int, limit: float
) -> None:
    end = time.monotonic() + limit
    outcomes: list[Outcome] = []
    failures: Counter[str] = Counter()
    lock = threading.Lock()
    acked = [0]
    killed: dict[str, Any] = {}
    killed_event = threading.Event()

    def killer() -> None:
        while time.monotonic() < end and not killed_event.is_set():
            with lock:
                count = acked[0]
            if count >= kill_after:
                workers = worker_pids(server.process.pid)
                with IN_FLIGHT_LOCK:
                    posting = set(IN_FLIGHT)
                victim = worker_serving(workers, server.port, posting)
                if victim is not None:  # else try again: no accepted POST at this instant
                    os.kill(victim, signal.SIGKILL)
                    killed.update(pid=victim, at_ack=count, before=workers, t=time.monotonic())
                    killed_event.set()
                    return
            time.sleep(0.002)

    def task(serial: int) -> None:
        if time.monotonic() > end:
            with lock:
                failures["not sent (time limit)"] += 1
            return
        try:
            outcome = Client(server.url, ad_id).submit(100_000 + serial, retries=RETRIES)
        except Exception as error:
            with lock:
                failures[f"{type(error).__name__}: {error}"[:100]] += 1
            return
        with lock:
            outcomes.append(outcome)
            if outcome.acknowledged:
                acked[0] += 1
            else:
                failures[outcome.status] += 1

    watcher = threading.Thread(target=killer, daemon=True)
    watcher.start()
    started = time.monotonic()
    with cf.ThreadPoolExecutor(clients) as pool:
        list(pool.map(task, range(total)))
    elapsed = time.monotonic() - started
    killed_event.set()
    watcher.join(5)

    restarted: list[int] = []
    for _ in range(100):  # has gunicorn replaced the worker?
        restarted = worker_pids(server.process.pid)
        if len(restarted) >= 2 and killed.get("pid") not in restarted:
            break
        time.sleep(0.1)

    acknowledged = [o.key for o in outcomes if o.acknowledged]
    attempted = [o.key for o in outcomes]
    retried = sum(o.attempts > 1 for o in outcomes)
    stored_counts = stored_per_key(attempted)
    stored = sum(1 for k in acknowledged if stored_counts.get(k, 0) >= 1)
    duplicates = sum(1 for k in attempted if stored_counts.get(k, 0) > 1)
    lost = sum(1 for k in acknowledged if stored_counts.get(k, 0) == 0)
    stored_unacked = sum(1 for o in outcomes if not o.acknowledged and stored_counts.get(o.key))
    print(f"\n== Burst: {total} submissions, {clients} concurrent, one worker SIGKILLed ==")
    if killed:
        print(
            f"killed worker pid {killed['pid']} (of {killed['before']}) while it was handling "
            f"a POST, after {killed['at_ack']} acknowledgements; workers afterwards: {restarted}"
        )
    else:
        print("no worker was killed (too few acknowledgements before the time limit)")
    print(f"wall time:                       {elapsed:.1f} s")
    print(f"throughput:                      {len(acknowledged) / elapsed:.1f} submissions/s")
    print(f"submissions attempted:           {len(attempted)} of {total}")
    print(f"acknowledged:                    {len(acknowledged)}")
    after_retry = sum(o.acknowledged and o.attempts > 1 for o in outcomes)
    print(f"  of which after a retry:        {after_retry}")
    print(f"submissions that needed retries: {retried}")
    print(f"not acknowledged:                {sum(failures.values())}")
    for reason, count in failures.most_common():
        print(f"    {count:5d}  {reason}")
    print(f"acknowledged and stored:         {stored}")
    print(f"stored, not acknowledged:        {stored_unacked}")
    print(f"duplicates (key stored twice):   {duplicates}")
    print(f"lost (acknowledged, not stored): {lost}")
    stats = database_totals()
    print(f"rows in database:                {stats}")
    met = duplicates == 0 and lost == 0 and len(acknowledged) == total
    print(
        f"target every ack stored once:    {'met' if duplicates == 0 and lost == 0 else 'MISSED'}"
    )
    print(f"all {total} acknowledged:         {'yes' if met else 'no'}")


def stored_per_key(keys: list[str]) -> dict[str, int]:
    from django.db import connections
    from django.db.models import Count

    from lim.portal.models import PortalSubmission

    rows = (
        PortalSubmission.objects.filter(idempotency_key__in=keys)
        .values("idempotency_key")
        .annotate(n=Count("id"))
    )
    result = {str(r["idempotency_key"]): int(r["n"]) for r in rows}
    connections.close_all()
    return result


def database_totals() -> str:
    from django.db import connections

    from lim.portal.models import PortalSubmission
    from lim.recruitment.models import Application

    applications = Application.objects.count()
    submissions = PortalSubmission.objects.count()
    keys = PortalSubmission.objects.values("idempotency_key").distinct().count()
    connections.close_all()
    return f"applications {applications}, submissions {submissions}, distinct keys {keys}"


def start_worker(env: dict[str, str], data_dir: str) -> subprocess.Popen[bytes]:
    """`lim worker`: sends the receipts the submissions queue in the database."""
    with (Path(data_dir) / "worker.log").open("wb") as out:
        return subprocess.Popen(
            [*LIM, "worker"], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)


def mail_totals() -> str:
    """What the worker did with the receipts: the database task queue's rows by status."""
    from django.db import connections
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.values("status").annotate(n=Count("id")).order_by("status")
    result = ", ".join(f"{r['status'].lower()} {r['n']}" for r in rows) or "none"
    connections.close_all()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--each", type=int, default=10, help="submissions per client (load)")
    parser.add_argument(
        "--burst", type=int, default=1000, help="submissions in the burst (0: skip it)"
    )
    parser.add_argument("--kill-after", type=int, default=300)
    parser.add_argument(
        "--rate",
        type=float,
        default=10.0,
        help="submissions per second for the second, paced load run (0: skip it)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn worker processes (lim serve --workers)"
    )
    parser.add_argument(
        "--sweep",
        action="store_true",
        help="only paced runs at increasing rates (--rates), --seconds long each",
    )
    parser.add_argument("--rates", default="5,10,15,20,25,30", help="for --sweep, per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="for --sweep, per rate")
    parser.add_argument(
        "--no-worker", action="store_true", help="do not run `lim worker` beside the server"
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=30,
        default=0,
        help="only profile N POSTs in-process (Django test client, cProfile) and stop",
    )
    args = parser.parse_args()
    clients = min(args.clients, 200)
    each = min(args.each, 50)
    total = min(args.burst, 5000)
    rates = [min(float(r), 100.0) for r in args.rates.split(",") if r.strip()]
    seconds = min(args.seconds, 60.0)

    data_dir = tempfile.mkdtemp(prefix="lim-bench-portal-")
    env = server_env(data_dir)
    postgres = env.get("DATABASE_URL", "").startswith("postgres")
    database = "PostgreSQL via DATABASE_URL" if postgres else "SQLite (file, WAL) in a temp dir"
    server: Server | None = None
    worker: subprocess.Popen[bytes] | None = None
    try:
        run_lim(env, "migrate", "--noinput")
        if args.profile:
            from benchmarks._profile import profile_posts

            os.environ.update(env)
            (Path(data_dir) / "static").mkdir()  # WhiteNoise wants it; nothing is collected
            profile_posts(min(args.profile, 200), PDF)
            return 0
        run_lim(env, "collectstatic", "--noinput")
        os.environ.update(env)
        ad_id = publish_open_case()
        workers = max(2, min(args.workers, 16))
        server = start_server(env, data_dir, workers)
        if not args.no_worker:
            worker = start_worker(env, data_dir)
        server.wait_healthy()
        master = server.process.pid
        print(f"lim serve (gunicorn, {workers} workers) at {server.url}, master pid {master}")
        print(f"lim worker: {'no' if worker is None else f'pid {worker.pid}'}")
        print(f"ad {ad_id}; PDF {len(PDF):,} bytes; database: {database}")
        if args.sweep:
            sweep(server, ad_id, rates, seconds, clients)
        else:
            load = load_test(server, ad_id, clients, each, limit=180.0)
            print_load(load, clients, each, 0.0)
            if args.rate > 0:
                rate = min(args.rate, 100.0)
                load = load_test(server, ad_id, clients, each, limit=180.0, rate=rate)
                print_load(load, clients, each, rate)
            if total > 0:
                burst(server, ad_id, total, clients, args.kill_after, limit=600.0)
        if worker is not None:
            time.sleep(5)  # the worker's last receipts
            print(f"\nqueued tasks (receipts) by status: {mail_totals()}")
    finally:
        if worker is not None:
            stop_worker(worker)
        if server is not None:
            server.stop()
            errors = [
                line
                for line in server.log.read_text(errors="replace").splitlines()
                if "Traceback" in line or "ERROR" in line or "WORKER TIMEOUT" in line
            ]
            print(f"\nserver stopped; {len(errors)} error lines in the gunicorn log")
            for line in errors[:10]:
                print(f"    {line[:160]}")
        shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
