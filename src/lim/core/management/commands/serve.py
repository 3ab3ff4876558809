from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from lim.core.uploads import upload_temp_files_remove_stale


class Command(BaseCommand):
    help = "Serve LIM with gunicorn (a production-grade WSGI server), static files by WhiteNoise."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3"))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        upload_temp_files_remove_stale(now=timezone.now())
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "lim.wsgi:application",
            "--bind",
            f"{options['host']}:{options['port']}",
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            # The access log shows paths only; URLs never carry personal data, and the
            # token of an applicant's private link is replaced.
            "--access-logformat",
            '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms',
            "--logger-class",
            "lim.core.redaction.RedactingLogger",
        ]
        os.execvp(argv[0], argv)  # noqa: S606 - replaces this process with gunicorn
