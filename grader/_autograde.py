"""`grader autograde`: grade a class, in parallel, with student code confined to a sandbox.

Every folder under SUBMISSIONS is one student's: a copy of `assignments/`, or
nbgrader's `<assignment>/<assignment>.ipynb` folders, judged folder by folder
(one student's layout never decides another's). Each student is graded by a
worker process that runs the kit's tests in-process (the judging) against a
`SandboxImplementation` (the student's code, in a sandbox). Outputs:

    OUT/grades.csv                 student,assignment,exercise,score,max_score,status
    OUT/<student>/feedback.md      the scoreboard and every problem, as `grader check` words it
    OUT/<student>/results.json     Gradescope's format
    OUT/.journal/                  each student's rows, written as the student is done (--resume)

`<student>` is the folder's name when it is a plain one, otherwise an escaped
form that no other name shares (`folder_name`). Every exercise of every student
gets a row, whatever happened, even if a worker process dies.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.parse
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

from ._course import BY_MODULE
from ._outcome import CHECK_LABELS, ExerciseResult, TestRecord, UsageError
from ._report import diagnosed, render_problem, render_scoreboard, score
from ._student_code import SandboxConfig

HEADER = ["student", "assignment", "exercise", "score", "max_score", "status"]
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$")
JOURNAL = ".journal"
# Names of the grader's own outputs in OUT: a student folder named so is written under its escaped name.
OWN_OUTPUTS = {"grades.csv", "report.html", "results.json", "feedback.md"}
STUDENTS_PER_WORKER = 25  # then a fresh worker process: nothing builds up in one for long
WORKER_DEATHS_ALLOWED = 1  # a student whose grading kills its worker is retried this many times
WORKER_MEMORY = 6 * 2**30  # bytes of address space for a trusted worker beyond what importing torch takes


@dataclass
class Options:
    modules: list[str]
    sandbox: SandboxConfig  # its uid is claimed by each worker
    scratch_root: str
    exercises: list[str] = dataclasses.field(default_factory=list)  # only these (a regrade); empty: all


def sandbox_mode(requested: str) -> tuple[str, str]:
    """(mode, a sentence for the instructor) for --sandbox auto|bwrap|process."""
    from ._student_code.jail import bwrap_available

    if requested in ("auto", "bwrap") and bwrap_available():
        return "bwrap", "sandbox: bubblewrap (user, pid, net, mount namespaces; unprivileged uid; rlimits)"
    if requested == "bwrap":
        raise UsageError("--sandbox bwrap asked for, but bwrap/setpriv are not installed "
                         "(Debian: apt-get install bubblewrap)")
    return "process", ("WARNING: weaker sandbox: bubblewrap is not installed, so student code runs in a "
                       "separate process with rlimits and a clean environment but can read this machine's "
                       "files and reach the network. Install bubblewrap for the full sandbox.")


def grade_student(folder: str, options: Options) -> list[ExerciseResult]:
    """Grade one submission (runs in a worker process); never raises."""
    from ._run import run_tests
    from ._student_code.jail import claim_uid
    from ._student_code.sandbox import SandboxImplementation

    scratch = tempfile.mkdtemp(prefix="student-", dir=options.scratch_root)
    os.chmod(scratch, 0o755)
    try:
        config = dataclasses.replace(options.sandbox, uid=claim_uid())
        implementation = SandboxImplementation(Path(folder), Path(scratch) / "copy", config)
        try:
            records, _ = run_tests(Path(folder), options.modules, options.exercises, implementation=implementation)
        finally:
            implementation.close()
        results = score(records, options.modules)
    except BaseException as exc:  # noqa: BLE001  (a grading failure must still give every exercise a row)
        results = []
        message = f"the grader failed on this submission: {type(exc).__name__}: {str(exc)[:500]}"
    else:
        message = "no result was recorded for this exercise"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    rows = complete(results, options.modules, message)
    return [r for r in rows if r.exercise in options.exercises] if options.exercises else rows


def complete(results: list[ExerciseResult], modules: list[str], message: str) -> list[ExerciseResult]:
    """Results for every exercise of `modules`, in course order; missing ones get status error."""
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


def readable(student: str) -> str:
    """The name as text: bytes of a folder name that are not UTF-8 (surrogates from os.scandir) shown as U+FFFD."""
    return student.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def feedback_markdown(student: str, results: list[ExerciseResult]) -> str:
    scoreboard = render_scoreboard(results, details=False)
    problems = "".join(render_problem(r) for r in results if r.status not in ("passed", "not_attempted"))
    text = f"# Feedback for {readable(student)}\n\n```\n{scoreboard}```\n"
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
                      "output": f"{CHECK_LABELS[r.status]}\n{output}".strip(),
                      "diagnosis": [{"mistake": slug, "title": title} for slug, title, _ in diagnosed(r)]})
    return {"score": sum(r.score for r in results), "execution_time": round(elapsed, 1),
            "visibility": "visible", "tests": tests}


def folder_name(student: str) -> str:
    """The output folder of `student`: one to one, whatever the names.

    A plain name (letters, digits, `._@+-`, not one of the grader's own outputs)
    is kept; any other is `_` and its percent-encoding (plain names never start
    with `_`, and percent-encoding is one to one); one too long for a file name is
    cut and ends in a hash of the whole name, longer than any uncut form.
    """
    if SAFE_NAME.match(student) and student not in OWN_OUTPUTS:
        return student
    # Undecodable bytes in a folder name come from os.scandir as surrogates: surrogateescape gives them back.
    escaped = "_" + urllib.parse.quote(student.encode("utf-8", "surrogateescape"), safe="")
    if len(escaped) <= 200:
        return escaped
    return f"{escaped[:190]}~{hashlib.sha256(student.encode('utf-8', 'surrogateescape')).hexdigest()[:48]}"


@dataclass
class Submission:
    name: str                                # the student: the folder's name
    folder: Path                             # what is graded: the copy of assignments/, or the notebooks' modules
    notebooks: dict[str, Path] | None = None  # nbgrader's layout: {module: notebook}


def find_submissions(root: Path, scratch: Path) -> tuple[list[Submission], dict[str, str]]:
    """(the students to grade, {entry: why it is not a student}) under `root`.

    `root` is one folder per student, or an nbgrader course (its nbgrader_config.py
    or gradebook.db beside submitted/: files no student writes), whose students are
    in submitted/. Each student folder is judged on its own: module folders holding
    notebooks make it nbgrader's layout, anything else is a copy of assignments/.
    """
    from ._notebooks import notebooks_of

    course = (root / "submitted").is_dir() and any((root / f).is_file() for f in ("nbgrader_config.py", "gradebook.db"))
    base = root / "submitted" if course else root
    found, skipped = [], {}
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        name = entry.name
        if name.startswith("."):
            skipped[name] = "a hidden folder"
        elif entry.is_symlink():
            skipped[name] = "a symbolic link, not a folder"
        elif not entry.is_dir(follow_symlinks=False):
            skipped[name] = "a file, not a folder"
        else:  # a student, even with an empty or unreadable folder: every exercise gets a row (invalid)
            notebooks = notebooks_of(Path(entry.path))
            if notebooks:
                found.append(Submission(name, scratch / "notebooks" / folder_name(name), notebooks))
            else:
                found.append(Submission(name, Path(entry.path)))
    return found, skipped


class Journal:
    """Each student's rows in OUT/.journal/, one file each, written whole (rename) as the student is done."""

    def __init__(self, out: Path, modules: list[str], resume: bool, settings: dict | None = None):
        """`settings`: how the run was asked for (SUBMISSIONS, the sandbox's limits, the gradebook), kept in
        run.json for `grader regrade`; --resume and regrade keep the first run's."""
        self.folder = out / JOURNAL
        header = {"modules": modules, **(settings or {})}
        if resume and (self.folder / "run.json").is_file():
            kept = self.settings(out)
            if kept.get("modules") != modules:
                raise UsageError(f"--resume: {out} was graded with other assignments; grade it again without --resume")
            header = kept
        else:
            shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._write(self.folder / "run.json", header)

    @staticmethod
    def settings(out: Path) -> dict:
        """run.json of the run that graded into `out`; UsageError if there was none."""
        try:
            return json.loads((out / JOURNAL / "run.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise UsageError(f"{out} holds no run of grader autograde (no readable {JOURNAL}/run.json)") from None

    def done(self) -> dict[str, list[ExerciseResult]]:
        """{student: rows} of every student already journaled."""
        done = {}
        for path in sorted(self.folder.glob("*.student.json")):
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
                done[entry["student"]] = [
                    ExerciseResult(**{**r, "problems": [TestRecord(**p) for p in r["problems"]]})
                    for r in entry["rows"]]
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a torn or foreign file: that student is graded again
        return done

    def record(self, student: str, results: list[ExerciseResult]) -> None:
        self._write(self.folder / f"{folder_name(student)}.student.json",
                    {"student": student, "rows": [asdict(r) for r in results]})

    @staticmethod
    def _write(path: Path, value) -> None:
        write_whole(path, json.dumps(value))


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader, or a run killed at any moment, sees the old file or the new one."""
    partial = path.with_name(path.name + ".partial")
    # surrogateescape: a folder name that is not UTF-8 is written as the bytes it was (grades.csv's `student`).
    with open(partial, "w", newline="", encoding="utf-8", errors="surrogateescape") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


@dataclass
class _Worker:
    connection: multiprocessing.connection.Connection  # the pool's end of the pipe to the process
    process: multiprocessing.process.BaseProcess
    graded: int = 0  # students graded so far


def _worker(connection) -> None:
    """A trusted worker process: grade the submissions it is sent until it is sent None."""
    import resource

    from ._student_code.jail import die_with_parent, torch_footprint

    die_with_parent()  # a run killed (or a Dask worker lost) leaves no grader working for nobody
    # Bounded like the sandbox, with more room: what a reply may cost is bounded (wire.py), and a
    # worker over this fails its student (MemoryError) instead of the machine.
    limit = torch_footprint() + WORKER_MEMORY
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # an instructor's own, lower limit stands
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):  # the pool's process is gone (a Dask worker that closed): nothing to do
            return
        if job is None:
            return
        name, folder, options = job
        started = time.perf_counter()
        results = grade_student(folder, options)
        connection.send((name, results, time.perf_counter() - started))


def grade_in_pool(jobs: list[tuple], workers: int):
    """Yield (name, results, seconds) for each job, graded by `workers` processes, in the order they finish."""
    pool = GradingPool(workers)
    try:
        yield from pool.grade(jobs)
    finally:
        pool.close()


class GradingPool:
    """Trusted worker processes that grade jobs (name, folder, Options), kept from one `grade` to the next.

    A worker that dies (the OOM killer, a bug) is replaced; its student is graded
    again, and after WORKER_DEATHS_ALLOWED deaths gets error rows that say so.
    No death stops the others or hangs the run. A worker retires after STUDENTS_PER_WORKER.
    """

    def __init__(self, workers: int):
        self.workers = workers
        self.context = multiprocessing.get_context("spawn")  # a fresh interpreter per worker: no shared state
        self.idle: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(child,), daemon=True)
        process.start()
        child.close()
        return _Worker(parent, process)

    def grade(self, jobs: list[tuple]):
        """Yield (name, results, seconds) for each job, in the order they finish."""
        from ._student_code.jail import describe_exit

        queue, deaths, idle = deque(jobs), {}, self.idle
        while len(idle) < min(self.workers, len(jobs)):
            idle.append(self._start())
        busy: dict = {}  # connection -> (worker, job)
        try:
            while queue or busy:
                if queue and not idle and not busy:
                    idle.append(self._start())
                while queue and idle:
                    worker, job = idle.pop(), queue.popleft()
                    try:
                        worker.connection.send(job)
                    except OSError:  # it died while idle: its replacement takes the job, which it never saw
                        queue.appendleft(job)
                        worker.process.join(5)
                        idle.append(self._start())
                        continue
                    busy[worker.connection] = (worker, job)
                waiting = list(busy) + [worker.process.sentinel for worker, _ in busy.values()]
                for ready in multiprocessing.connection.wait(waiting):
                    connection = next((c for c, (w, _) in busy.items() if ready in (c, w.process.sentinel)), None)
                    if connection is None:
                        continue  # both its ends were ready: handled already
                    worker, job = busy.pop(connection)
                    try:
                        answer = connection.recv() if connection.poll() else None
                    except (EOFError, OSError):
                        answer = None
                    if answer is not None:
                        yield answer
                        worker.graded += 1
                        if worker.graded < STUDENTS_PER_WORKER:
                            idle.append(worker)
                            continue
                        connection.send(None)  # retired after STUDENTS_PER_WORKER: it exits
                    worker.process.join(5)
                    connection.close()
                    if answer is None:  # it died grading this job
                        name = job[0]
                        deaths[name] = deaths.get(name, 0) + 1
                        if deaths[name] <= WORKER_DEATHS_ALLOWED:
                            queue.append(job)
                        else:
                            message = (f"the grader's worker process died while grading this submission "
                                       f"({describe_exit(worker.process.exitcode)}), {deaths[name]} times")
                            yield name, complete([], job[2].modules, message), 0.0
                    if queue:  # a replacement, while there is work for it
                        idle.append(self._start())
        finally:  # left early (an error, or the caller stopped): what was being graded is abandoned
            self._end([w for w, _ in busy.values()])

    def close(self) -> None:
        self._end(self.idle)
        self.idle = []

    @staticmethod
    def _end(workers: list[_Worker]) -> None:
        for worker in workers:
            if worker.process.is_alive():
                try:
                    worker.connection.send(None)
                except OSError:
                    pass
        for worker in workers:
            worker.process.join(10)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


def autograde(submissions: Path, out: Path, modules: list[str], workers: int, sandbox: SandboxConfig,
              progress=True, say=print, gradebook: Path | None = None, resume: bool = False,
              scheduler: str | None = None, regrading: tuple[str, str] | None = None) -> bool:
    """Grade every student folder under `submissions`; True when every submission was graded.

    `sandbox` confines each student's code; its mode may be "auto" (bubblewrap where installed).

    `submissions` holds one folder per student (a copy of assignments/, or nbgrader's
    notebooks), or is an nbgrader course folder. With `gradebook`, the scores also
    go into that nbgrader course's gradebook. Each student's rows are journaled in
    OUT as soon as they are known; with `resume`, the students journaled by an
    earlier run of the same assignments are not graded again. With `scheduler` (a Dask
    scheduler's address, or local:N), the students are graded on that cluster instead of
    by `workers` local processes (grader._cluster); the outputs are the same. With
    `regrading` (assignment, exercise), only that exercise is graded again, for every
    student of the journal, and their rows replaced (`grader regrade`).
    """
    from ._notebooks import write_modules

    mode, sentence = sandbox_mode(sandbox.mode)
    say(sentence)
    if out.resolve().is_relative_to(submissions.resolve()):
        raise UsageError("--out must not be inside SUBMISSIONS (students could write there)")
    out.mkdir(parents=True, exist_ok=True)
    settings = {"submissions": str(submissions.resolve()), "gradebook": str(gradebook.resolve()) if gradebook else None,
                "sandbox": {"mode": sandbox.mode, "call_timeout": sandbox.call_timeout,
                            "exercise_budget": sandbox.exercise_budget, "student_budget": sandbox.student_budget}}
    journal = Journal(out, modules, resume or regrading is not None, settings)
    scratch_root = tempfile.mkdtemp(prefix="kit-autograde-")
    os.chmod(scratch_root, 0o755)
    try:
        found, skipped = find_submissions(submissions, Path(scratch_root))
        for name, reason in skipped.items():
            say(f"not graded: {name!r}: {reason}")
        names = {s.name for s in found}
        sandbox = dataclasses.replace(sandbox, mode=mode)
        if regrading:  # every student journaled: those whose folder is gone keep their rows
            rows = journal.done()
            gone = sorted(set(rows) - names)
            if gone:
                say(f"not regraded (their folders are gone from {submissions}): {', '.join(map(repr, gone))}")
            to_grade = [s for s in found if s.name in rows]
            say(f"regrading {'.'.join(regrading)} for {len(to_grade)} students")
            options = Options([regrading[0]], sandbox, scratch_root, [regrading[1]])
        else:
            rows = {name: results for name, results in journal.done().items() if name in names}
            if rows:
                say(f"--resume: {len(rows)} students already graded, {len(found) - len(rows)} to go")
            to_grade = [s for s in found if s.name not in rows]
            options = Options(modules, sandbox, scratch_root)
        notebooks = {s.name: s.notebooks for s in found if s.notebooks}
        if notebooks:
            say(f"nbgrader layout: {len(notebooks)} students' notebooks, read with nbformat")
        unreadable = {s.name: write_modules(s.notebooks, s.folder) for s in to_grade if s.notebooks}
        jobs = [(s.name, str(s.folder), options) for s in to_grade]
        started = time.perf_counter()
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(jobs), unit="student", file=sys.stderr, dynamic_ncols=True)
        try:
            if scheduler:
                from ._cluster import grade_on_cluster

                graded = grade_on_cluster(jobs, scheduler, say)
            else:
                graded = grade_in_pool(jobs, workers)
            for name, results, elapsed in graded:
                explain_unreadable(results, unreadable.get(name, {}))
                if regrading:
                    results = replaced(rows[name], results)
                write_student(out, name, results, elapsed)
                journal.record(name, results)  # last: a student journaled has its feedback too
                rows[name] = results
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
    finally:
        shutil.rmtree(scratch_root, ignore_errors=True)
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(HEADER)
    for name in sorted(rows):
        for r in rows[name]:
            writer.writerow([name, r.assignment, r.exercise, r.score, r.max_score, r.status])
    write_whole(out / "grades.csv", table.getvalue())
    if gradebook is not None and notebooks:
        from ._gradebook import write_scores

        written, left_out = write_scores(gradebook, rows, notebooks)
        say(f"wrote {written} scores into {gradebook / 'gradebook.db'}"
            + (f"; left out (not UTF-8, so not an nbgrader id): {', '.join(map(repr, left_out))}" if left_out else ""))
    elapsed = time.perf_counter() - started
    engine = f"on the Dask cluster {scheduler}" if scheduler else f"with {workers} worker(s)"
    say(f"graded {len(jobs)} students in {elapsed:.1f} s ({60 * len(jobs) / max(elapsed, 1e-9):.1f} per minute) "
        f"{engine}; wrote {out / 'grades.csv'} ({len(rows)} students)")
    from ._class_report import write_report

    try:  # the grades are written: a failure of the page must not fail the run
        say(f"wrote {write_report(out)}, the class page")
    except Exception as exc:  # noqa: BLE001
        say(f"could not write {out / 'report.html'} ({type(exc).__name__}: {exc}); `grader report {out}` retries")
    return not gone if regrading else len(rows) == len(found)


def replaced(rows: list[ExerciseResult], new: list[ExerciseResult]) -> list[ExerciseResult]:
    """`rows` with each exercise that `new` holds taken from `new` (a regrade)."""
    by_key = {(r.assignment, r.exercise): r for r in new}
    return [by_key.get((r.assignment, r.exercise), r) for r in rows]


def regrade(out: Path, exercise: str, workers: int, progress=True, say=print, scheduler: str | None = None) -> bool:
    """Grade `exercise` (`name` or `assignment.name`) again for every student graded into `out`, with the
    run's own SUBMISSIONS, sandbox limits and gradebook (its journal's run.json), and update every output."""
    settings = Journal.settings(out)
    modules = settings.get("modules", [])
    if "submissions" not in settings:
        raise UsageError(f"{out} was graded before grader regrade existed; grade it again with grader autograde")
    matches = [(m, e) for m in modules for e in BY_MODULE[m].exercises if exercise in (e, f"{m}.{e}")]
    if len(matches) != 1:
        known = ", ".join(f"{m}.{e}" for m in modules for e in BY_MODULE[m].exercises)
        what = "names more than one exercise" if matches else "is not an exercise of this run"
        raise UsageError(f"--exercise {exercise} {what}; choose from {known}")
    submissions = Path(settings["submissions"])
    if not submissions.is_dir():
        raise UsageError(f"the run's SUBMISSIONS folder {submissions} is gone")
    sandbox = SandboxConfig(**settings["sandbox"])
    gradebook = Path(settings["gradebook"]) if settings.get("gradebook") else None
    return autograde(submissions, out, modules, workers, sandbox, progress=progress, say=say, gradebook=gradebook,
                     scheduler=scheduler, regrading=matches[0])


def explain_unreadable(results: list[ExerciseResult], problems: dict[str, str]) -> None:
    """A notebook that could not be read makes its exercises invalid, saying why."""
    for result in results:
        if result.assignment in problems:
            result.status, result.score = "invalid", 0
            for record in result.problems:
                record.message = problems[result.assignment]


def write_student(out: Path, name: str, results: list[ExerciseResult], elapsed: float) -> None:
    folder = out / folder_name(name)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feedback.md").write_text(feedback_markdown(name, results), encoding="utf-8")
    (folder / "results.json").write_text(json.dumps(gradescope_results(results, elapsed), indent=1),
                                         encoding="utf-8")
