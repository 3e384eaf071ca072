"""Throughput of `grader autograde` (sandboxed, parallel) against nbgrader's autograde, same students.

    python -m benchmarks.autograde [--students N] [--workers W] [--assignment NAME ...]

Makes N students for the assignments (default: all nine; half of them honest copies of the
reference, half of them half-finished: the first exercises of each module
done, the rest untouched), then grades them twice:

1. `grader autograde` on the module folders, bubblewrap sandbox, W workers;
2. nbgrader (`nbgrader autograde` on the command line, one notebook after
   another, as nbgrader does) on the same students' notebooks, built from the
   release notebooks of `grader nbgrader`.

Prints the wall time, students per minute and peak memory (Pss of the whole process tree,
sandboxes and kernels included: benchmarks/memory.py) of each, and the ratio.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat

from benchmarks.memory import run_measured
from grader._paths import available_assignments

ROOT = Path(__file__).resolve().parent.parent
ALL = available_assignments(ROOT)  # every assignment with tests, in the course's order
MODULES = list(ALL)
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}", "OMP_NUM_THREADS": "1"}


def half_done(module: str) -> str:
    """The reference with the second half of its solution regions turned back into stubs."""
    text = (ROOT / "solutions" / f"{module}.py").read_text()
    regions = list(re.finditer(r"( *)### BEGIN SOLUTION\n.*?### END SOLUTION\n", text, flags=re.S))
    for match in reversed(regions[len(regions) // 2:]):
        text = text[:match.start()] + f"{match.group(1)}raise NotImplementedError\n" + text[match.end():]
    return text


def make_modules(folder: Path, students: int) -> None:
    for i in range(students):
        student = folder / f"student{i:03d}"
        student.mkdir(parents=True)
        shutil.copy(ROOT / "solutions" / "__init__.py", student / "__init__.py")
        for module in ALL if "capstone" in MODULES else MODULES:  # the capstone imports the other modules
            source = (ROOT / "solutions" / f"{module}.py").read_text() if i % 2 == 0 else half_done(module)
            (student / f"{module}.py").write_text(source)


def make_notebooks(course: Path, students: int) -> None:
    """nbgrader's submitted/ with the same students as make_modules, as notebooks."""
    for module in MODULES:
        source = nbformat.read(course / "source" / module / f"{module}.ipynb", 4)
        reference = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source.cells}
        solution_ids = [g for g in reference if g and g.endswith("_solution")]
        for i in range(students):
            done = solution_ids if i % 2 == 0 else solution_ids[: len(solution_ids) // 2]
            notebook = nbformat.read(course / "release" / module / f"{module}.ipynb", 4)
            for cell in notebook.cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
                if grade_id in done:
                    cell.source = re.sub(r"\n\s*### (BEGIN|END) SOLUTION", "", reference[grade_id])
            target = course / "submitted" / f"student{i:03d}" / module
            target.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, target / f"{module}.ipynb")


PEAKS: dict[str, int] = {}


def timed(command, cwd, label: str = "") -> float:
    seconds, peak, result = run_measured(command, cwd, ENV)
    if result.returncode != 0:
        raise SystemExit(f"{command} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    if label:
        PEAKS[label] = max(PEAKS.get(label, 0), peak)
    return seconds


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", action="append", choices=ALL, help="default: all nine")
    args = parser.parse_args(argv)
    MODULES[:] = args.assignment or ALL
    work = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        make_modules(work / "modules", args.students)
        chosen = [arg for m in MODULES for arg in ("--assignment", m)]
        ours = timed([sys.executable, "-m", "grader", "autograde", str(work / "modules"), "--out", str(work / "out"),
                      "--workers", str(args.workers), "--no-progress", *chosen], ROOT, "grader")
        course = work / "course"
        timed([sys.executable, "-m", "grader", "nbgrader", str(course), *chosen], ROOT)
        for module in MODULES:
            timed([str(BIN / "nbgrader"), "generate_assignment", module, "--force"], course)
        make_notebooks(course, args.students)
        theirs = sum(timed([str(BIN / "nbgrader"), "autograde", module], course, "nbgrader") for module in MODULES)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    n = args.students
    print(f"{n} students x {len(MODULES)} assignments ({', '.join(MODULES)}), half complete, half half-done; "
          f"{os.cpu_count()} cores")
    mib = {label: peak / 2**20 for label, peak in PEAKS.items()}
    print(f"grader autograde (sandbox, {args.workers} workers): {ours:6.1f} s  {60 * n / ours:6.1f} students/min  "
          f"peak memory {mib['grader']:5.0f} MiB")
    print(f"nbgrader autograde (command line):       {theirs:6.1f} s  {60 * n / theirs:6.1f} students/min  "
          f"peak memory {mib['nbgrader']:5.0f} MiB")
    print(f"ratio: {theirs / ours:.1f}x nbgrader's throughput")


if __name__ == "__main__":
    main()
