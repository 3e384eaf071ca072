"""What one submission that sleeps in every call costs a class, with the budgets that bound it.

    python -m benchmarks.budgets [--students 10] [--timeout 5] [--exercise-budget 20] [--student-budget 60]

Grades a class of honest copies of the reference (matmul) twice with `grader
autograde`, two workers: once as it is, once with one student replaced by a
sleeper whose every call sleeps one second under the per-call limit and then
answers right, in all four exercises (testing/hostile_cases.py,
"sleep_under_the_clock", in each). Prints the wall time of each run and the
sleeper's rows. Without budgets the sleeper's grading grew with its number of
calls (over an hour at the default 20 s per call); with them it is at most the
student budget, and the other worker grades the class meanwhile.
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLEEPER = """

def _asleep(name):
    def product(a, b):
        import time
        import torch
        time.sleep({seconds})
        assert a.shape[1] == b.shape[0], f"cannot multiply {{tuple(a.shape)}} by {{tuple(b.shape)}}"
        return (a[:, :, None] * b[None]).sum(1)  # no matrix-product kernel: those raise in three of the four
    product.__name__ = name
    return product


matmul = _asleep("matmul")
matmul_elementwise = _asleep("matmul_elementwise")
matmul_broadcast = _asleep("matmul_broadcast")
matmul_einsum = _asleep("matmul_einsum")
"""


def grade(submissions: Path, out: Path, args) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
                    "--assignment", "matmul", "--workers", "2", "--no-progress", "--timeout", str(args.timeout),
                    "--exercise-budget", str(args.exercise_budget), "--student-budget", str(args.student_budget)],
                   cwd=ROOT, env={**os.environ, "OMP_NUM_THREADS": "1"}, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--exercise-budget", type=float, default=20.0)
    parser.add_argument("--student-budget", type=float, default=60.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kit-budgets-") as tmp:
        root = Path(tmp)
        submissions = root / "class"
        for i in range(args.students):
            (submissions / f"student{i:02d}").mkdir(parents=True)
            shutil.copy(ROOT / "solutions" / "matmul.py", submissions / f"student{i:02d}" / "matmul.py")
        honest = grade(submissions, root / "honest", args)
        sleeper = submissions / "student00" / "matmul.py"
        sleeper.write_text(sleeper.read_text() + SLEEPER.format(seconds=args.timeout - 1))
        slept = grade(submissions, root / "sleeper", args)
        with open(root / "sleeper" / "grades.csv") as handle:
            rows = [f"{r['exercise']} {r['status']}" for r in csv.DictReader(handle) if r["student"] == "student00"]
    print(f"{args.students} students, matmul, 2 workers, --timeout {args.timeout:g} --exercise-budget "
          f"{args.exercise_budget:g} --student-budget {args.student_budget:g}")
    print(f"honest class: {honest:.1f} s; with one sleeper: {slept:.1f} s; the sleeper: {', '.join(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
