"""The student's loop in numbers: what `grader check` costs beyond a bare pytest run, and `grader watch`'s latency.

    python -m benchmarks.loop [--runs 7] [--watch-runs 7] [--skip-pair] [--skip-watch]

The pair: a bare one-test pytest run that imports torch (`import torch`, one
test asserting `torch.ones(2).sum() == 2`, `python -m pytest FILE -q -p
no:cacheprovider`), then `grader check matmul --impl solutions`, alternating, RUNS
times. Each is a fresh process, measured in CPU time (user + system, from
getrusage of the children), which a busy machine inflates less than wall time.
Prints each pair and the median of the ratios (the issue's goal: 1.2).

The watch latency: `grader watch matmul --impl COPY` on a copy of solutions/,
started once; after its first grading, matmul.py is rewritten, alternating a
wrong version (matmul_einsum returns the product plus one) and the right one,
and the time is taken from the moment the file is written (and closed) to the
first result line of the new run on watch's output (a pipe): the first test's in
grader check's order (matmul's). Also timed: the first line of the exercise edited,
and the end of the scoreboard. Prints each run and the medians (the issue's goal:
the first line within 1 s).

Both run on one torch thread (OMP_NUM_THREADS=1), as the grader does; the load
average before and after is printed, since a busy machine slows both.
"""
from __future__ import annotations

import argparse
import os
import queue
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from grader._watch import RESULT_LINE

ROOT = Path(__file__).resolve().parent.parent
BARE_TEST = "import torch\n\n\ndef test_one():\n    assert torch.ones(2).sum() == 2\n"
# matmul_einsum made wrong: the right product plus one everywhere (every value test fails at once).
WRONG = "\n\ndef matmul_einsum(a, b):\n    return torch.einsum('ik,kj->ij', a, b) + 1\n"


def cpu_seconds(command: list[str], env: dict) -> float:
    """User + system CPU time of one run of `command` (a fresh process), from getrusage of the children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pair(runs: int, env: dict) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="kit-loop-"))
    try:
        bare_test = folder / "test_bare.py"
        bare_test.write_text(BARE_TEST)
        bare = [sys.executable, "-m", "pytest", str(bare_test), "-q", "-p", "no:cacheprovider"]
        check = [sys.executable, "-m", "grader", "check", "matmul", "--impl", "solutions"]
        cpu_seconds(bare, env), cpu_seconds(check, env)  # warm the file cache; not counted
        ratios = []
        print(f"{'run':>4} {'bare pytest':>12} {'grader check':>13} {'ratio':>6}")
        for run in range(1, runs + 1):
            b = cpu_seconds(bare, env)
            c = cpu_seconds(check, env)
            ratios.append(c / b)
            print(f"{run:>4} {b:>11.2f}s {c:>12.2f}s {c / b:>6.2f}", flush=True)
        print(f"median ratio of {runs} pairs: {statistics.median(ratios):.2f} (CPU time, user + system)")
        return ratios
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Lines:
    """The lines of a process's output as they arrive, each with the time it came (a thread reads the pipe)."""

    def __init__(self, stream):
        self.queue = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.queue.put((time.perf_counter(), line))
        self.queue.put((time.perf_counter(), None))

    def next(self, timeout: float) -> tuple[float, str | None]:
        """(when it came, the line); the line is None at the end of the output or after `timeout` seconds."""
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return time.perf_counter(), None


def watch_latency(runs: int, env: dict) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="kit-watch-"))
    watch = None
    try:
        for source in (ROOT / "solutions").glob("*.py"):
            shutil.copy(source, folder / source.name)
        right = (folder / "matmul.py").read_text()
        watch = subprocess.Popen([sys.executable, "-u", "-m", "grader", "watch", "matmul", "--impl", str(folder)],
                                 cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 bufsize=1)
        lines = Lines(watch.stdout)
        line = ""
        while line is not None and not line.startswith("watching"):  # the first grading, then the prompt
            _, line = lines.next(timeout=300)
        if line is None:
            raise SystemExit("grader watch did not finish its first grading")
        latencies, later = [], []
        for run in range(1, runs + 1):
            time.sleep(0.5)  # a student does not save twice within half a second
            content = right + WRONG if run % 2 else right
            with open(folder / "matmul.py", "w", encoding="utf-8") as file:
                file.write(content)
            saved = time.perf_counter()
            line, first, edited = "", None, None
            while line is not None and not line.startswith("watching"):
                when, line = lines.next(timeout=120)
                if line and RESULT_LINE.match(line):
                    first = when - saved if first is None else first
                    edited = when - saved if edited is None and " matmul_einsum " in line else edited
            done = when - saved
            if first is None or edited is None:
                raise SystemExit(f"run {run}: no result line from grader watch")
            latencies.append(first)
            later.append((edited, done))
            print(f"run {run} ({'wrong' if run % 2 else 'right'} matmul_einsum): first result line after "
                  f"{first:.2f} s, matmul_einsum's first after {edited:.2f} s, the scoreboard after {done:.2f} s",
                  flush=True)
        print(f"median of {runs} saves: {statistics.median(latencies):.2f} s from the write to the first result line "
              f"(the first test's, in grader check's order); matmul_einsum's first line "
              f"{statistics.median(e for e, _ in later):.2f} s, the whole scoreboard "
              f"{statistics.median(d for _, d in later):.2f} s")
        return latencies
    finally:
        if watch is not None and watch.poll() is None:
            watch.send_signal(signal.SIGINT)
            try:
                watch.wait(timeout=30)
            except subprocess.TimeoutExpired:
                watch.kill()
        shutil.rmtree(folder, ignore_errors=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="pairs of runs (default 7)")
    parser.add_argument("--watch-runs", type=int, default=7, help="saves timed under grader watch (default 7)")
    parser.add_argument("--skip-pair", action="store_true")
    parser.add_argument("--skip-watch", action="store_true")
    args = parser.parse_args(argv)
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; PYTHONDONTWRITEBYTECODE="
          f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} (when set, pytest rewrites the asserts of its plugins' "
          f"modules in every run, hypothesis's among them: the bare run pays it)")
    if not args.skip_pair:
        pair(args.runs, env)
    if not args.skip_watch:
        watch_latency(args.watch_runs, env)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
