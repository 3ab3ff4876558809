#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL server, then remove the server.

    python scripts/with_postgres.py -- pytest ...

Starts PostgreSQL 15 (from /usr/lib/postgresql/15/bin, or PG_BIN) on a temporary
directory and a free loopback port, sets DATABASE_URL for the command, and stops the
server and deletes its files afterwards, also when the command fails or is interrupted.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to run")
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run, after --")

    bin_dir = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
    if not (bin_dir / "initdb").exists():
        print(f"with_postgres: no PostgreSQL server binaries in {bin_dir}", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="lim-pg-"))
    data = work / "data"
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(work, entry.pw_uid, entry.pw_gid)
    port = free_port()
    server: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            as_server_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "lim",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        server = subprocess.Popen(
            as_server_user(
                [
                    str(bin_dir / "postgres"),
                    "-D",
                    str(data),
                    "-p",
                    str(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    f"unix_socket_directories={work}",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=200",
                ]
            ),
            stdout=subprocess.DEVNULL,
            stderr=open(work / "server.log", "wb"),  # noqa: SIM115 - closed with the process
        )
        deadline = time.monotonic() + 30
        while True:
            ready = subprocess.run(
                [str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                stdout=subprocess.DEVNULL,
            )
            if ready.returncode == 0:
                break
            if server.poll() is not None or time.monotonic() > deadline:
                sys.stderr.write((work / "server.log").read_text(errors="replace"))
                print("with_postgres: the server did not start", file=sys.stderr)
                return 2
            time.sleep(0.2)
        env = dict(os.environ, DATABASE_URL=f"postgres://lim@127.0.0.1:{port}/postgres")
        print(f"with_postgres: PostgreSQL on 127.0.0.1:{port}", flush=True)
        return subprocess.run(command, env=env).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        if server is not None and server.poll() is None:
            # "fast" shutdown ends open sessions and stops at once. runuser does not pass
            # signals on to the server, so ask pg_ctl, as the server's user, to stop it.
            subprocess.run(
                as_server_user(
                    [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
                ),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
                check=False,
            )
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
