"""`lim equality report`: the equality statement from files, without a server.

Exit 0 on success; 2 with every problem on stderr, and no output file, when the input is
invalid. The output appears only when complete (written beside it, then renamed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from lim.equality.render import FORMATS, get_renderer

EXIT_OK = 0
EXIT_INVALID = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        raise _Invalid([f"{self.prog}: error: {message}"])


class _Invalid(Exception):
    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__(messages)
        self.messages = list(messages)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lim equality", description="The equality statement from files.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    report = commands.add_parser(
        "report", help="build the equality statement from a workforce file"
    )
    report.add_argument("--workforce", required=True, metavar="FILE", help="CSV or XLSX")
    report.add_argument("--applications", metavar="FILE", help="CSV or XLSX (optional)")
    report.add_argument("--year", required=True, type=int, metavar="YYYY")
    report.add_argument("--organisation", default="", metavar="NAME")
    report.add_argument("--audience", choices=("public", "internal"), default="public")
    report.add_argument("--min-group-size", type=int, default=5, metavar="N")
    report.add_argument("--format", required=True, choices=FORMATS)
    report.add_argument("--output", required=True, metavar="PATH", help="- for stdout (json)")
    report.add_argument(
        "--lang",
        choices=("nb", "nn", "en"),
        default="nb",
        help="language of the report and the messages (default: bokmål)",
    )
    return parser


def _write_atomic(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed into place below
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _report(args: argparse.Namespace) -> int:
    from lim.equality.reader import Rejected, read_applications, read_workforce
    from lim.equality.report import build_report
    from lim.equality.stats import LOWEST_MIN_GROUP_SIZE

    lang: str = args.lang
    problems: list[str] = []
    if args.min_group_size < LOWEST_MIN_GROUP_SIZE:
        problems.append(
            f"--min-group-size must be at least {LOWEST_MIN_GROUP_SIZE}, not {args.min_group_size}"
        )
    if not 1900 <= args.year <= 2100:
        problems.append(f"--year must be between 1900 and 2100, not {args.year}")
    renderer = get_renderer(args.format)
    if renderer is None:
        problems.append(f"format {args.format} is not available yet")
    if args.output == "-" and args.format != "json":
        problems.append(f"format {args.format} cannot be written to stdout: give a file name")
    output = None if args.output == "-" else Path(args.output)
    if output is not None and not output.parent.is_dir():
        problems.append(f"{output.parent}: no such directory")
    if problems:
        raise _Invalid(problems)

    frames = {}
    for option, path, read in (
        ("workforce", args.workforce, read_workforce),
        ("applications", args.applications, read_applications),
    ):
        if path is None:
            continue
        try:
            result = read(path)
        except OSError as error:
            problems.append(f"{path}: {error.strerror or error}")
            continue
        for warning in result.warnings:
            sys.stderr.write(f"warning: {path}: {warning.message(lang)}\n")
        if isinstance(result, Rejected):
            problems += [f"{path}: {p.message(lang)}" for p in result.errors]
        else:
            frames[option] = result.frame
    if problems:
        raise _Invalid(problems)

    report = build_report(
        frames["workforce"],
        year=args.year,
        organisation=args.organisation,
        audience=args.audience,
        min_group_size=args.min_group_size,
        applications=frames.get("applications"),
    )
    for warning in report.warnings:
        sys.stderr.write(f"warning: {warning.message(lang)}\n")
    assert renderer is not None
    data = renderer(report.to_json_dict(lang), language=lang)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        _write_atomic(output, data)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`argv` excludes the leading "equality": main(["report", "--workforce", ...])."""
    args_list = sys.argv[1:] if argv is None else argv
    try:
        args = _parser().parse_args(args_list)
        return _report(args)
    except _Invalid as invalid:
        for message in invalid.messages:
            sys.stderr.write(f"error: {message}\n")
        return EXIT_INVALID
    except SystemExit as exit_:  # --help
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
