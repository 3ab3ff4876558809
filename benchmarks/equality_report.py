"""Benchmark: the equality statement for a large synthetic workforce.

    .venv/bin/python benchmarks/equality_report.py [--rows 200000] [--runs 5] [--seed 1]

Times, best of N runs each, on the same generated files:
  (a) `python -m lim.equality report --format json` end to end, as a subprocess
      (interpreter start, imports, reading, validation, statistics, writing);
  (b) the statistics step alone, in-process, on the already read frame;
  (c) a minimal hand-written pandas script computing the core tables (gender per level,
      pay ratio per level, part-time and temporary by gender) from the same file, end to
      end as a subprocess, and its computation alone in-process.
Subprocesses run with bytecode caching on (in a temporary PYTHONPYCACHEPREFIX, warmed up
once) as in any normal installation, even where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from benchmarks.make_workforce import write_workforce  # noqa: E402

PANDAS_SCRIPT = """
import json, sys
import pandas as pd

def tables(df):
    df = df[df["gender"].isin(["woman", "man"])]
    balance = df.groupby(["level", "gender"]).size().unstack(fill_value=0)
    balance_pct = balance.div(balance.sum(axis=1), axis=0).mul(100).round(1)
    pay = df.groupby(["level", "gender"])["annual_base_pay"].agg(["mean", "median"]).unstack()
    ratio_mean = (pay["mean"]["woman"] / pay["mean"]["man"] * 100).round(1)
    ratio_median = (pay["median"]["woman"] / pay["median"]["man"] * 100).round(1)
    part_time = df[df["fte_percent"] < 100].groupby("gender").size()
    temporary = df[df["employment_type"] == "temporary"].groupby("gender").size()
    return {
        "balance_pct": balance_pct.to_dict(),
        "ratio_mean": ratio_mean.to_dict(),
        "ratio_median": ratio_median.to_dict(),
        "part_time": part_time.to_dict(),
        "temporary": temporary.to_dict(),
    }

if __name__ == "__main__":
    df = pd.read_csv(sys.argv[1])
    json.dump(tables(df), open(sys.argv[2], "w"), default=str)
"""


def best_of(runs: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def subprocess_env(cache: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import polars as pl

    from lim.equality.reader import Accepted, read_workforce
    from lim.equality.report import build_report

    with tempfile.TemporaryDirectory(prefix="lim-bench-") as tmp:
        work = Path(tmp)
        env = subprocess_env(work / "pycache")
        started = time.perf_counter()
        clean = write_workforce(work / "workforce.csv", args.rows, seed=args.seed)
        norwegian = write_workforce(
            work / "workforce-no.csv", args.rows, seed=args.seed, style="norwegian"
        )
        generated = time.perf_counter() - started
        size_mb = clean.stat().st_size / 1e6
        script = work / "pandas_tables.py"
        script.write_text(PANDAS_SCRIPT, encoding="utf-8")

        def lim_cli(path: Path) -> Callable[[], object]:
            output = str(work / "r.json")
            command = [sys.executable, "-m", "lim.equality", "report", "--workforce", str(path)]
            command += ["--year", "2025", "--format", "json", "--output", output]
            return lambda: subprocess.run(command, env=env, check=True, capture_output=True)

        pandas_cli = [sys.executable, str(script), str(clean), str(work / "p.json")]

        def pandas_run() -> object:
            return subprocess.run(pandas_cli, env=env, check=True, capture_output=True)

        cold = best_of(1, lim_cli(clean))  # also warms the bytecode cache
        pandas_run()
        lim_json = best_of(args.runs, lim_cli(clean))
        lim_json_no = best_of(args.runs, lim_cli(norwegian))
        pandas_total = best_of(args.runs, pandas_run)

        result = read_workforce(clean)
        assert isinstance(result, Accepted)
        frame = result.frame
        read_time = best_of(args.runs, lambda: read_workforce(clean))
        stats = best_of(args.runs, lambda: build_report(frame, year=2025, organisation="Bench"))
        stats_internal = best_of(
            args.runs,
            lambda: build_report(frame, year=2025, organisation="Bench", audience="internal"),
        )

        namespace: dict[str, object] = {}
        exec(compile(PANDAS_SCRIPT, "pandas_tables", "exec"), namespace)
        import pandas as pd

        pandas_frame = pd.read_csv(clean)
        tables = namespace["tables"]
        assert callable(tables)
        pandas_compute = best_of(args.runs, lambda: tables(pandas_frame))

    print(f"equality report benchmark: {args.rows:,} employees, best of {args.runs} runs")
    versions = f"python {sys.version.split()[0]}, polars {pl.__version__}, pandas {pd.__version__}"
    print(f"  {versions}, {os.cpu_count()} CPUs")
    print(f"  files generated in {generated:.1f} s ({size_mb:.0f} MB CSV each)")
    print(f"(a) lim equality report --format json, end to end:   {lim_json:6.3f} s")
    print(f"    same, Norwegian Excel CSV (;, cp1252, 1 234,5):  {lim_json_no:6.3f} s")
    print(f"    same, first run without bytecode cache:          {cold:6.3f} s")
    print(f"    reading + validation alone, in-process:          {read_time:6.3f} s")
    print(f"(b) statistics (build_report) alone, public:         {stats:6.3f} s")
    print(f"    statistics alone, internal:                      {stats_internal:6.3f} s")
    print(f"(c) pandas core tables, end to end (subprocess):     {pandas_total:6.3f} s")
    print(f"    pandas core tables, computation alone:           {pandas_compute:6.3f} s")
    print(f"ratio lim/pandas end to end:                          {lim_json / pandas_total:6.2f}")
    print(f"ratio lim statistics / pandas computation:            {stats / pandas_compute:6.2f}")


if __name__ == "__main__":
    main()
