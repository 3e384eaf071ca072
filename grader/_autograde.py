"""`grader autograde`: grade a class, in parallel, with student code confined to a sandbox.

Every folder under SUBMISSIONS is one student's copy of `assignments/`. Each is
graded by a worker process that runs the kit's tests in-process (the judging)
against a `SandboxImplementation` (the student's code, in a sandbox). Outputs:

    OUT/grades.csv                 student,assignment,exercise,score,max_score,status
    OUT/<student>/feedback.md      the scoreboard and every problem, as `grader check` words it
    OUT/<student>/results.json     Gradescope's format

Every exercise of every student gets a row, whatever happened.
"""
from __future__ import annotations

import csv
import json
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ._course import BY_MODULE
from ._report import CHECK_LABELS, ExerciseResult, render_problem, render_scoreboard, score

HEADER = ["student", "assignment", "exercise", "score", "max_score", "status"]
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$")


@dataclass
class Options:
    modules: list[str]
    sandbox: str            # "bwrap" or "process"
    call_timeout: float
    scratch_root: str


def sandbox_mode(requested: str) -> tuple[str, str]:
    """(mode, a sentence for the instructor) for --sandbox auto|bwrap|process."""
    from ._sandbox import bwrap_available

    if requested in ("auto", "bwrap") and bwrap_available():
        return "bwrap", "sandbox: bubblewrap (user, pid, net, mount namespaces; unprivileged uid; rlimits)"
    if requested == "bwrap":
        raise SystemExit("grader autograde: --sandbox bwrap asked for, but bwrap/setpriv are not installed "
                         "(Debian: apt-get install bubblewrap)")
    return "process", ("WARNING: weaker sandbox: bubblewrap is not installed, so student code runs in a "
                       "separate process with rlimits and a clean environment but can read this machine's "
                       "files and reach the network. Install bubblewrap for the full sandbox.")


def grade_student(folder: str, options: Options) -> list[ExerciseResult]:
    """Grade one submission (runs in a worker process); never raises."""
    from ._run import run_tests
    from ._sandbox import claim_uid

    scratch = tempfile.mkdtemp(prefix="student-", dir=options.scratch_root)
    os.chmod(scratch, 0o755)
    extra = [f"--sandbox={options.sandbox}", f"--sandbox-uid={claim_uid()}",
             f"--scratch={Path(scratch) / 'copy'}"]
    try:
        records, _ = run_tests(Path(folder), options.modules, extra=extra, call_timeout=options.call_timeout)
        results = score(records, options.modules)
    except BaseException as exc:  # noqa: BLE001  (a grading failure must still give every exercise a row)
        results = []
        message = f"the grader failed on this submission: {type(exc).__name__}: {str(exc)[:500]}"
    else:
        message = "no result was recorded for this exercise"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return complete(results, options.modules, message)


def complete(results: list[ExerciseResult], modules: list[str], message: str) -> list[ExerciseResult]:
    """Results for every exercise of `modules`, in course order; missing ones get status error."""
    from ._plugin import TestRecord

    by_key = {(r.assignment, r.exercise): r for r in results}
    full = []
    for module in modules:
        for exercise in BY_MODULE[module].exercises:
            result = by_key.get((module, exercise))
            if result is None:
                problem = TestRecord("", module, exercise, 0, "error", title="grading", message=message)
                result = ExerciseResult(module, exercise, "error", 0, 0, [problem])
            if result.status == "kit_error":
                result.status = "error"
            full.append(result)
    return full


def feedback_markdown(student: str, results: list[ExerciseResult]) -> str:
    scoreboard = render_scoreboard(results, details=False)
    problems = "".join(render_problem(r) for r in results if r.status not in ("passed", "not_attempted"))
    text = f"# Feedback for {student}\n\n```\n{scoreboard}```\n"
    if problems:
        text += f"\n## What to fix\n\n```\n{problems.strip()}\n```\n"
    return text


def gradescope_results(results: list[ExerciseResult], elapsed: float) -> dict:
    tests = []
    for r in results:
        output = render_problem(r).strip() if r.status not in ("passed",) else ""
        tests.append({"name": f"{BY_MODULE[r.assignment].number} {r.assignment}.{r.exercise}",
                      "score": r.score, "max_score": r.max_score,
                      "status": "passed" if r.status == "passed" else "failed",
                      "output": f"{CHECK_LABELS[r.status]}\n{output}".strip()})
    return {"score": sum(r.score for r in results), "execution_time": round(elapsed, 1),
            "visibility": "visible", "tests": tests}


def _grade_one(job):
    name, folder, options = job
    started = time.perf_counter()
    results = grade_student(folder, options)
    return name, results, time.perf_counter() - started


def autograde(submissions: Path, out: Path, modules: list[str], workers: int, sandbox: str,
              call_timeout: float, progress=True, say=print, gradebook: Path | None = None) -> bool:
    """Grade every student folder under `submissions`; True when every submission was graded.

    `submissions` holds one copy of assignments/ per student, or is nbgrader's
    `submitted/` (or the course folder above it): then each student's notebooks
    are turned into modules here, with nbformat, and graded the same way. With
    `gradebook`, the scores also go into that nbgrader course's gradebook.
    """
    from ._notebooks import nbgrader_students, write_modules

    mode, sentence = sandbox_mode(sandbox)
    say(sentence)
    if out.resolve().is_relative_to(submissions.resolve()):
        raise SystemExit("grader autograde: --out must not be inside SUBMISSIONS (students could write there)")
    out.mkdir(parents=True, exist_ok=True)
    scratch_root = tempfile.mkdtemp(prefix="kit-autograde-")
    os.chmod(scratch_root, 0o755)
    notebooks = nbgrader_students(submissions)
    unreadable: dict[str, dict[str, str]] = {}
    if notebooks is None:
        folders = {p.name: p for p in sorted(submissions.iterdir()) if p.is_dir() and not p.name.startswith(".")}
    else:
        say(f"nbgrader layout: {len(notebooks)} students' notebooks, read with nbformat")
        folders = {}
        for name, found in notebooks.items():
            folders[name] = Path(scratch_root) / "notebooks" / name
            unreadable[name] = write_modules(found, folders[name])
    options = Options(modules, mode, call_timeout, scratch_root)
    jobs = [(name, str(folder), options) for name, folder in folders.items()]
    rows: dict[str, list[ExerciseResult]] = {}
    started = time.perf_counter()
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(jobs), unit="student", file=sys.stderr, dynamic_ncols=True)
    try:
        context = multiprocessing.get_context("spawn")  # a fresh interpreter per worker: no shared state
        with context.Pool(processes=max(1, min(workers, len(jobs) or 1)), maxtasksperchild=25) as pool:
            for name, results, elapsed in pool.imap_unordered(_grade_one, jobs):
                explain_unreadable(results, unreadable.get(name, {}))
                rows[name] = results
                write_student(out, name, results, elapsed)
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        shutil.rmtree(scratch_root, ignore_errors=True)
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        for name in sorted(rows):
            for r in rows[name]:
                writer.writerow([name, r.assignment, r.exercise, r.score, r.max_score, r.status])
    if gradebook is not None and notebooks is not None:
        from ._gradebook import write_scores

        say(f"wrote {write_scores(gradebook, rows, notebooks)} scores into {gradebook / 'gradebook.db'}")
    elapsed = time.perf_counter() - started
    say(f"graded {len(rows)} students in {elapsed:.1f} s ({60 * len(rows) / max(elapsed, 1e-9):.1f} per minute) "
        f"with {workers} worker(s); wrote {out / 'grades.csv'}")
    return len(rows) == len(jobs)


def explain_unreadable(results: list[ExerciseResult], problems: dict[str, str]) -> None:
    """A notebook that could not be read makes its exercises invalid, saying why."""
    for result in results:
        if result.assignment in problems:
            result.status, result.score = "invalid", 0
            for record in result.problems:
                record.message = problems[result.assignment]


def write_student(out: Path, name: str, results: list[ExerciseResult], elapsed: float) -> None:
    folder = out / (name if SAFE_NAME.match(name) else "_" + re.sub(r"[^A-Za-z0-9._-]", "_", name)[:90])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feedback.md").write_text(feedback_markdown(name, results), encoding="utf-8")
    (folder / "results.json").write_text(json.dumps(gradescope_results(results, elapsed), indent=1),
                                         encoding="utf-8")


__all__ = ["autograde", "asdict"]
