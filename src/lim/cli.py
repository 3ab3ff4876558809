"""The `lim` command: a thin wrapper over Django's management commands.

`lim rules` and `lim equality` work on files alone and never start Django, so they run
without a database or configuration.
"""

from __future__ import annotations

import os
import sys

HELP = """usage: lim COMMAND [ARGS...]

LIM – inclusive recruitment and equality.

commands:
  serve             serve LIM with gunicorn on 127.0.0.1:$PORT (default 8000)
  worker            run the background tasks (e-mail, imports, daily retention)
  demo              load the demo organisation, dated around today (once; again
                    changes nothing)
  migrate           create or update the database tables
  createsuperuser   create an administrator user
  token             API tokens: `token create --user EMAIL --name NAME [--days N]`
                    (printed once; 90 days by default), `token list --user EMAIL`,
                    `token revoke ID` (`createtoken` is the older name for create)
  retention         delete applications whose retention period has ended (the
                    worker does it daily; this runs it by hand)
  rules             the hiring rules from the command line (lim rules --help)
  equality          the equality statement from files (lim equality --help)

Any other Django management command works too, e.g. `lim check` or `lim compilemessages`.
"""

_PURE = {"rules": "lim.rules.cli", "equality": "lim.equality.cli"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        sys.stdout.write(HELP)
        return 0
    command = args[0]
    if command in _PURE:
        import importlib

        module = importlib.import_module(_PURE[command])
        result: int = module.main(args[1:])
        return result
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lim.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["lim", *args])
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
