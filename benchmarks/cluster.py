"""Throughput of `grader autograde` on the local pool against a Dask cluster, 1 and 2 workers, same class.

    python -m benchmarks.cluster [--students 4] [--assignment NAME ...]

Makes N students (half honest copies of the reference, half half-finished, as
benchmarks/autograde.py does) for the assignments (default: all fifteen), then grades
them four times: the local pool with 1 and 2 workers, and a Dask cluster (a real
`dask scheduler` and `dask worker`s on loopback, started before the clock starts, as
an instructor's cluster would be) with 1 and 2 workers. Checks that the four
grades.csv are identical, and prints each run's wall time, students per minute, and
the seconds of one core a student costs; from that cost, the capacity plan: students
per hour on a 16-core machine, and machines to grade 10,000 students in 10 minutes.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.autograde import ALL, ENV, half_done

ROOT = Path(__file__).resolve().parent.parent


def make_class(submissions: Path, students: int, modules: list[str]) -> None:
    for i in range(students):
        folder = submissions / f"student{i:03d}"
        folder.mkdir(parents=True)
        for module in ALL:  # every module: later ones import earlier ones
            source = ROOT / "solutions" / f"{module}.py"
            text = source.read_text() if i % 2 == 0 or module not in modules else half_done(module)
            (folder / f"{module}.py").write_text(text)


def grade(submissions: Path, out: Path, modules: list[str], *engine: str) -> float:
    assignments = [arg for module in modules for arg in ("--assignment", module)]
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out), *assignments,
                    "--no-progress", *engine], cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def start_cluster(folder: Path, workers: int) -> tuple[str, list[subprocess.Popen]]:
    """A scheduler and `workers` single-threaded workers on loopback (the README's way to start them)."""
    folder.mkdir()
    address_file = folder / "scheduler.json"
    env = {**ENV, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", "0", "--no-dashboard", "--scheduler-file", str(address_file)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    while not address_file.exists():
        time.sleep(0.2)
    import json

    address = json.loads(address_file.read_text())["address"]
    processes += [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                    "--no-dashboard", "--host", "127.0.0.1"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(workers)]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=4)
    parser.add_argument("--assignment", action="append", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    modules = args.assignment or list(ALL)
    with tempfile.TemporaryDirectory(prefix="kit-cluster-") as tmp:
        root = Path(tmp)
        make_class(root / "class", args.students, modules)
        runs = {}
        for workers in (1, 2):
            runs[f"local pool, {workers} worker(s)"] = (workers, grade(root / "class", root / f"local{workers}",
                                                                       modules, "--workers", str(workers)))
            address, processes = start_cluster(root / f"dask{workers}-cluster", workers)
            try:
                runs[f"Dask, {workers} worker(s)"] = (workers, grade(root / "class", root / f"dask{workers}", modules,
                                                                     "--scheduler", address))
            finally:
                for process in processes:
                    process.kill()
                    process.wait()
        grades = {(root / out / "grades.csv").read_bytes() for out in ("local1", "local2", "dask1", "dask2")}
        shutil.rmtree(root / "class")
    print(f"{args.students} students (half honest, half half-finished), {len(modules)} assignments, one torch thread")
    print("the four grades.csv are " + ("identical" if len(grades) == 1 else "DIFFERENT"))
    for name, (workers, seconds) in runs.items():
        print(f"  {name:<24} {seconds:7.1f} s  {60 * args.students / seconds:5.2f} students/min  "
              f"{seconds * workers / args.students:6.1f} core-s per student")
    per_student = min(seconds * workers / args.students for workers, seconds in runs.values())
    per_hour = 16 * 3600 / per_student
    machines = 10_000 * per_student / (16 * 600)
    print(f"capacity at {per_student:.1f} core-s per student ({len(modules)} assignments): {per_hour:,.0f} students "
          f"per hour on a 16-core machine; 10,000 students in 10 minutes need {machines:.0f} such machines")
    return 0 if len(grades) == 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
