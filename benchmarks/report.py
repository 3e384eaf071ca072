"""How long `grader report` takes to write the class page of a big class.

    python -m benchmarks.report [--students 300] [--runs 3] [--seed 0] [--keep DIR]

Makes a class of N students graded on every assignment (testing/synthetic_class.py:
statuses drawn at random around each student's ability, some assignments left
undone, failed exercises often diagnosed with one of the catalogue's mistakes),
written as `grader autograde` writes it (grades.csv, each student's feedback.md and
results.json) into a temporary folder, then times `grader report` on it, as an
instructor runs it (a fresh process: Python, matplotlib and the page), several runs.
Prints each run's wall time, the best, and the page's size.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from testing.synthetic_class import write_class

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR", help="write the class here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kit-report-"))
    try:
        started = time.perf_counter()
        graded = write_class(out, [f"student{i:03d}" for i in range(args.students)], seed=args.seed)
        rows = sum(len(results) for results in graded.values())
        print(f"made a class of {args.students} students, {rows} rows of grades.csv, in "
              f"{time.perf_counter() - started:.1f} s ({out})")
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        times = []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "grader", "report", str(out)], cwd=ROOT, env=env, check=True,
                           stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - started)
            print(f"run {run}: grader report took {times[-1]:.2f} s")
        size = (out / "report.html").stat().st_size
        print(f"best of {args.runs}: {min(times):.2f} s for {args.students} students; "
              f"report.html {size / 1024:.0f} KiB")
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
