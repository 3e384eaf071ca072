"""`bin/suite` several times in a row while another process keeps one core busy: are the outcomes identical?

    python -m benchmarks.suite_under_load [--runs 5] [--tier full|compat]

The suite's verdicts must not depend on load (README, "Tiers and timing"). This
starts `python -c "while True: pass"`, runs `bin/suite TIER` RUNS times one after
another with this interpreter's folder first on PATH (.venv's, as bin/test does),
stops the busy process, and prints one line per run: exit status, wall time, the
summary lines of verify and pytest, and a digest of the run's outcome. The
outcome is the output with every timing taken out (seconds, the `--durations`
table), so two runs with the same verdict for every proof and test have the same
digest. Exits 1 unless every run passed with the same digest.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMINGS = [
    (re.compile(r"\(\d+ s so far\)"), "(N s so far)"),
    (re.compile(r"\bin \d+(\.\d+)?\s?s\b"), "in N s"),
    (re.compile(r"\(\d+:\d\d:\d\d\)"), ""),
    (re.compile(r"\[\s*\d+%\]"), ""),
]


def outcome(output: str) -> str:
    """The output without its timings: the durations table, seconds, pytest's progress percentages."""
    kept, in_durations = [], False
    for line in output.splitlines():
        if "slowest" in line and "durations" in line:
            in_durations = True
            continue
        if in_durations:
            if line.startswith("=") or line.startswith("(") or re.match(r"^\d+(\.\d+)?s ", line) or not line.strip():
                continue
            in_durations = False
        for pattern, replacement in TIMINGS:
            line = pattern.sub(replacement, line)
        kept.append(line.rstrip())
    return "\n".join(kept)


def summary(output: str) -> str:
    lines = [line for line in output.splitlines()
             if line.startswith("verify: ") or re.search(r"\d+ (passed|failed)", line) and " in " in line]
    if lines:
        return " | ".join(lines)
    return output.strip().splitlines()[-1] if output.strip() else "(no output)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tier", choices=("full", "compat"), default="full")
    args = parser.parse_args(argv)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    digests = []
    try:
        print(f"bin/suite {args.tier}, {args.runs} runs, beside a busy process (pid {busy.pid})", flush=True)
        for number in range(1, args.runs + 1):
            started = time.monotonic()
            run = subprocess.run(["bin/suite", args.tier], cwd=ROOT, env=env, capture_output=True, text=True)
            output = run.stdout + run.stderr
            digest = hashlib.sha256(outcome(output).encode()).hexdigest()[:12]
            digests.append((run.returncode, digest))
            print(f"run {number}: exit {run.returncode}, {time.monotonic() - started:.0f} s, outcome {digest}: "
                  f"{summary(output)}", flush=True)
            if run.returncode != 0:
                print("\n".join(output.splitlines()[-60:]), flush=True)
    finally:
        busy.kill()
        busy.wait()
    same = len(set(digests)) == 1 and digests[0][0] == 0
    print(f"{'identical' if same else 'DIFFERENT'} outcomes in {len(digests)} runs")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
