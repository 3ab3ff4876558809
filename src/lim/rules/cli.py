"""`lim rules` — the rules from the command line (formats/rules-cli.md).

    lim rules list [--lang nb|nn|en]
    lim rules eval RULE_ID --facts FILE|- [--today YYYY-MM-DD] [--lang nb|nn|en]

`eval` prints one JSON object and exits 0 when the facts were valid, whatever the
findings; 2 with a message on stderr when they were not. This is the only place in
lim.rules that reads the clock.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TextIO

from lim.rules.base import LANGUAGES, Lang
from lim.rules.evaluate import evaluate
from lim.rules.facts import FactsError, load_json
from lim.rules.registry import RULES, UnknownRule

EXIT_OK = 0
EXIT_INVALID = 2


def _iso_date(text: str) -> date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lim rules", description="What LIM's hiring rules decide for a set of facts."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="every rule: id, title, legal source")
    listing.add_argument("--lang", choices=LANGUAGES, default="nb")
    evaluating = commands.add_parser("eval", help="evaluate a rule on facts (JSON)")
    evaluating.add_argument("rule_id", metavar="RULE_ID")
    evaluating.add_argument("--facts", required=True, metavar="FILE|-", help="JSON file or -")
    evaluating.add_argument(
        "--today", type=_iso_date, default=None, help="the date to judge by (default: today)"
    )
    evaluating.add_argument("--lang", choices=LANGUAGES, default="nb")
    return parser


def _list(lang: Lang, out: TextIO) -> int:
    width = max(len(rule.id) for rule in RULES) + 2
    for rule in RULES:
        out.write(f"{rule.id:<{width}}{rule.title.get(lang)} — {rule.source}\n")
    return EXIT_OK


def _read_facts(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        with open(name, encoding="utf-8") as file:
            return file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise FactsError("--facts", f"cannot read {name}: {error}") from None


def main(argv: list[str] | None = None) -> int:
    """Run `lim rules` with the arguments after "rules"; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage error or the help
        return exit_.code if isinstance(exit_.code, int) else EXIT_INVALID
    lang: Lang = args.lang
    if args.command == "list":
        return _list(lang, sys.stdout)
    today: date = args.today or date.today()
    try:
        data = load_json(_read_facts(args.facts))
        report = evaluate(rule_id=args.rule_id, data=data, today=today, lang=lang)
    except UnknownRule:
        sys.stderr.write(f"lim rules: unknown rule {args.rule_id!r} (see `lim rules list`)\n")
        return EXIT_INVALID
    except FactsError as error:
        sys.stderr.write(f"lim rules: invalid facts: {error}\n")
        return EXIT_INVALID
    except ValueError as error:  # a fact combination the rule's own types reject
        sys.stderr.write(f"lim rules: invalid facts: {error}\n")
        return EXIT_INVALID
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
