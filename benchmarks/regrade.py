"""What `grader regrade` costs a class against grading it again.

    python -m benchmarks.regrade [--students 20] [--exercise backprop.lin_grad] [--workers 2]

Makes N students for matmul and backprop (half honest copies of the reference, half
half-finished, as benchmarks/autograde.py does), grades them with `grader autograde`,
then regrades one exercise with `grader regrade`. Prints both wall times and how many
rows of grades.csv the regrade changed (none: nothing was fixed in between, and the
grading is derandomized).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.autograde import ENV
from benchmarks.cluster import make_class

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["matmul", "backprop"]


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", *args, "--no-progress"], cwd=ROOT, env=ENV, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--exercise", default="backprop.lin_grad")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kit-regrade-") as tmp:
        root = Path(tmp)
        make_class(root / "class", args.students, MODULES)
        assignments = [arg for module in MODULES for arg in ("--assignment", module)]
        graded = timed("autograde", str(root / "class"), "--out", str(root / "out"), *assignments,
                       "--workers", str(args.workers))
        before = (root / "out" / "grades.csv").read_text().splitlines()
        regraded = timed("regrade", str(root / "out"), "--exercise", args.exercise, "--workers", str(args.workers))
        after = (root / "out" / "grades.csv").read_text().splitlines()
    changed = sum(a != b for a, b in zip(before, after)) + abs(len(before) - len(after))
    print(f"{args.students} students, {' and '.join(MODULES)} ({len(before) - 1} rows), {args.workers} workers")
    print(f"grader autograde: {graded:.1f} s; grader regrade --exercise {args.exercise}: {regraded:.1f} s; "
          f"rows changed: {changed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
