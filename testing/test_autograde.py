"""`grader autograde` against a corpus of hostile and broken submissions (testing/hostile_cases.py).

One autograde run grades every case as a student, in parallel and in the
sandbox (a second one, alongside, grades the cases that race the clock, with
the clock far away), and then each case's grades must be exactly what an
honest copy would get, except for the attacked exercises, which must score 0
with the status the case names. Nothing outside the scratch area may change,
and no process of the sandbox's uids may survive. The compatibility tier
grades the corpus's slice, one case per class of attack.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from grader._autograde import OWN_OUTPUTS, folder_name, readable
from grader._course import BY_MODULE
from testing.hostile_cases import CASES, CLOCK_FAR_AWAY, MATMUL, SLICE, build

ROOT = Path(__file__).resolve().parent.parent
EXERCISES = {module: assignment.exercises for module, assignment in BY_MODULE.items()}
CLOCK = 5.0  # seconds per call: honest calls take milliseconds (the lesson-sized product asks for more)
EXERCISE_BUDGET = 30.0  # seconds of calls per exercise: honest exercises take one or two


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


# This run's own sandbox uids (testing/conftest.py), so that another grader on the machine is not a survivor.
FIRST_UID, LAST_UID = (int(uid) for uid in os.environ["GRADER_SANDBOX_UIDS"].split("-"))
SANDBOX_UIDS = range(FIRST_UID, LAST_UID + 1)


def sandbox_processes() -> list[str]:
    ps = subprocess.run(["ps", "-eo", "uid=,pid=,args="], capture_output=True, text=True).stdout
    return [line for line in ps.splitlines() if int(line.split()[0]) in SANDBOX_UIDS]


needs_bwrap = pytest.mark.skipif(
    shutil.which("bwrap") is None, reason="bubblewrap is not installed (bin/install installs it as root on Debian)")


def graded_cases(tier: str):
    return CASES if tier == "full" else SLICE


def autograde(submissions: Path, out: Path, modules: tuple[str, ...], clock: float, workers: int):
    assignments = [arg for module in modules for arg in ("--assignment", module)]
    # Output to files, not pipes: runs side by side must not wait on each other's full pipe.
    stdout, stderr = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    process = subprocess.Popen([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
                                *assignments, "--timeout", str(clock), "--workers", str(workers), "--no-progress",
                                "--exercise-budget", str(max(EXERCISE_BUDGET, clock))],
                               cwd=ROOT, text=True, stdout=stdout, stderr=stderr)
    return process, stdout, stderr


def finish(process, stdout, stderr) -> tuple[int, str, str]:
    process.wait(timeout=1800)
    stdout.seek(0)
    stderr.seek(0)
    return process.returncode, stdout.read(), stderr.read()


@pytest.fixture(scope="module")
def graded(tmp_path_factory, tier):
    """Grade the corpus (its slice in the compat tier) once: rows by student, fingerprints before and after."""
    cases = graded_cases(tier)
    listener = socket.socket()  # on loopback, at a port of the kernel's choosing: the sandbox must not reach it
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0)
    port = listener.getsockname()[1]
    # One autograde run per set of modules and clock (the cases that race the clock get it far away),
    # side by side: the two biggest (matmul's cases, matmul and backprop's) with two workers, each other with
    # one. Most of the corpus waits on clocks and sandboxes starting: alone, matmul's 27 students take 146 s
    # with one worker and 92 s with two, matmul and backprop's 21 take 254 s and 110 s.
    groups: dict[tuple, list] = {}
    for case in cases:
        groups.setdefault((case.modules, CLOCK_FAR_AWAY if case.races_the_clock else CLOCK), []).append(case)
    runs = []  # (submissions, out, modules, clock, workers)
    for (modules, clock), chosen in sorted(groups.items(), key=lambda group: -len(group[1])):
        submissions = tmp_path_factory.mktemp("submissions")
        for case in chosen:
            build(case, submissions / case.student, port, clock)
        runs.append((submissions, tmp_path_factory.mktemp("out"), modules, clock, 2 if len(runs) < 2 else 1))
    watched = {"kit": ROOT / "solutions", "tests": ROOT / "tests",
               "torch": Path(torch.__file__).parent / "__init__.py", **{str(run[0]): run[0] for run in runs}}
    before = {name: fingerprint(path) if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
              for name, path in watched.items()}
    started = [autograde(*run) for run in runs]  # side by side
    finished = [finish(*run) for run in started]
    try:
        connection, _ = listener.accept()
        reached = True
        connection.close()
    except BlockingIOError:
        reached = False
    listener.close()
    after = {name: fingerprint(path) if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
             for name, path in watched.items()}
    rows = []
    for _, out, *_ in runs:
        with open(out / "grades.csv", errors="surrogateescape") as handle:  # a name's bytes as they were
            rows += list(csv.DictReader(handle))
    return {"cases": cases, "runs": finished, "rows": rows,
            "outs": [run[1] for run in runs], "before": before, "after": after, "reached": reached}


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 30 and len({c.name for c in CASES}) == len({c.student for c in CASES}) == len(CASES)


@pytest.mark.skipif(os.getuid() != 0, reason="uids are only claimed by a grader running as root")
def test_concurrent_graders_never_share_a_sandbox_uid(tmp_path):
    env = {**os.environ, "GRADER_RUNTIME_CACHE": str(tmp_path / "runtime"), "GRADER_SANDBOX_UIDS": "62001-62002"}
    hold = ("from grader._student_code.jail import claim_uid; import sys; print(claim_uid(), flush=True); "
            "sys.stdin.read()")
    holders = [subprocess.Popen([sys.executable, "-c", hold], cwd=ROOT, env=env, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(2)]
    try:
        claimed = sorted(int(h.stdout.readline()) for h in holders)
        third = subprocess.run([sys.executable, "-c", hold], cwd=ROOT, env=env, text=True, input="",
                               capture_output=True)
    finally:
        for holder in holders:
            holder.communicate("")
    assert claimed == [62001, 62002]
    assert third.returncode != 0 and "in use by another grader" in third.stderr
    again = subprocess.run([sys.executable, "-c", hold], cwd=ROOT, env=env, text=True, input="", capture_output=True)
    assert again.stdout.strip() == "62001", "a claim ends with its process"


@needs_bwrap
def test_autograde_finishes_and_says_which_sandbox(graded):
    for returncode, stdout, stderr in graded["runs"]:
        assert returncode == 0, stderr[-3000:]
        assert "sandbox: bubblewrap" in stdout


@needs_bwrap
@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=() if c in SLICE else pytest.mark.full_tier_only)
                                  for c in CASES])
def test_each_case_gets_exactly_its_grades(graded, case):
    rows = {(r["assignment"], r["exercise"]): r for r in graded["rows"] if r["student"] == case.student}
    expected_rows = [(module, name) for module in case.modules for name in EXERCISES[module]]
    assert sorted(rows) == sorted(expected_rows), "every exercise gets a row"
    honest = "not_attempted" if case.base == "stubs" else "passed"
    for (module, exercise), row in rows.items():
        full = int(row["max_score"])
        assert row["status"] == case.expect.get(f"{module}.{exercise}", honest), f"{module}.{exercise}: {row}"
        points = full if row["status"] == "passed" else case.points.get(f"{module}.{exercise}", 0)
        assert int(row["score"]) == points, f"{module}.{exercise}: {row}"


@needs_bwrap
def test_nothing_outside_the_scratch_area_changed(graded):
    assert graded["before"] == graded["after"]
    for forged in ("/tmp/grades.csv", "/tmp/results.json", "/work/grades.csv", "/work/results.json",
                   "/tmp/foundations-kit-conftest-ran"):
        assert not os.path.exists(forged)
    produced = [p.name for out in graded["outs"] for p in out.iterdir()]
    assert sorted(produced) == sorted(["grades.csv", "report.html", ".journal"] * len(graded["outs"]) +
                                      [folder_name(c.student) for c in graded["cases"]])


@needs_bwrap
def test_no_network_reached_this_machine(graded):
    assert not graded["reached"]


@needs_bwrap
def test_no_sandbox_process_survives(graded):
    assert sandbox_processes() == []


@needs_bwrap
def test_feedback_and_gradescope_results_for_each_student(graded):
    import json

    for case in graded["cases"]:
        name = folder_name(case.student)  # one folder per student, whatever the names (one to one)
        folder = next(out / name for out in graded["outs"] if (out / name).is_dir())
        feedback = (folder / "feedback.md").read_text()
        results = json.loads((folder / "results.json").read_text())
        assert f"# Feedback for {readable(case.student)}" in feedback and "total" in feedback
        # Messages are cut to a few KB each: no submission fills the instructor's disk through its feedback.
        assert len(feedback) < 64_000 and (folder / "results.json").stat().st_size < 64_000, case.name
        assert len(results["tests"]) == sum(len(EXERCISES[module]) for module in case.modules)
        assert results["score"] == sum(t["score"] for t in results["tests"])


def test_without_bubblewrap_the_weaker_mode_says_so_and_still_grades(tmp_path):
    """--sandbox process (what auto falls back to without bwrap): a warning, then the same grades."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    build(next(c for c in CASES if c.name == "shadow_torch"), submissions / "honest")
    run = subprocess.run([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
                          "--assignment", "matmul", "--sandbox", "process", "--no-progress"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "WARNING: weaker sandbox" in run.stdout
    with open(out / "grades.csv") as handle:
        assert {(r["status"], r["score"] == r["max_score"]) for r in csv.DictReader(handle)} == {("passed", True)}
    # At its end, the class page (testing/test_class_report.py tests it): the student, full marks, linked.
    assert f"wrote {out / 'report.html'}, the class page" in run.stdout
    page = (out / "report.html").read_text()
    assert '<a href="honest/feedback.md"><bdi title="honest">honest</bdi></a>' in page and '"num percent">100%' in page


@needs_bwrap
def test_grading_the_same_folder_twice_gives_the_same_grades(tmp_path):
    """Deterministic: one broken copy, graded twice, gives byte-identical grades.csv.

    matmul only: its tests draw with hypothesis like every other's. The student's
    matmul_broadcast exits the process (error), matmul_einsum overwrites its inputs
    (failed, with hypothesis's shrinking) and the rest are right (passed).
    """
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    build(next(c for c in CASES if c.name == "mutate_inputs"), submissions / "student")
    with open(submissions / "student" / "matmul.py", "a") as handle:
        handle.write("\n\ndef matmul_broadcast(a, b):\n    import os\n    os._exit(0)\n")
    outputs = []
    for attempt in ("first", "second"):
        out = tmp_path / attempt
        run = subprocess.run([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
                              "--assignment", "matmul", "--no-progress"], cwd=ROOT,
                             capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append((out / "grades.csv").read_bytes())
    assert outputs[0] == outputs[1]
    rows = {r["exercise"]: r["status"] for r in csv.DictReader(io.StringIO(outputs[0].decode()))}
    assert rows == {"matmul": "passed", "matmul_elementwise": "passed", "matmul_broadcast": "error",
                    "matmul_einsum": "failed"}


def test_what_the_sandbox_uid_cannot_read_is_mirrored_folder_or_file(tmp_path, monkeypatch):
    """A kit cloned into a private folder: its files (tests/__init__.py) and folders (.venv) are copied once."""
    from grader._student_code import jail

    monkeypatch.setattr(jail, "MIRRORS", tmp_path / "runtime")
    private = tmp_path / "private"
    (private / "venv" / "lib").mkdir(parents=True)
    (private / "venv" / "lib" / "module.py").write_text("x = 1\n")
    (private / "__init__.py").write_text("# a file\n")
    private.chmod(0o700)
    for path in (private / "venv", private / "__init__.py"):
        copy = jail.mirror(path)
        assert copy.name == path.name and copy.parent.stat().st_mode & 0o777 == 0o755
        assert jail.mirror(path) == copy  # made once, then reused
    assert (jail.mirror(private / "venv") / "lib" / "module.py").read_text() == "x = 1\n"
    assert jail.mirror(private / "__init__.py").read_text() == "# a file\n"
    shutil.rmtree(private / "venv")  # a deleted clone's copies go when the next copy is made
    (private / "other").mkdir()
    jail.mirror(private / "other")
    sources = sorted(p.read_text() for p in (tmp_path / "runtime").glob("*/.source"))
    assert sources == sorted(str(p) for p in (private / "__init__.py", private / "other"))


@given(st.lists(st.text(min_size=1, max_size=300), min_size=2, max_size=6, unique=True))
def test_output_folders_are_one_to_one_and_never_the_graders_own(names):
    folders = [folder_name(name) for name in names]
    assert len(set(folders)) == len(names)
    for folder in folders:
        assert "/" not in folder and "\0" not in folder and len(folder.encode()) <= 255
        assert folder not in OWN_OUTPUTS and not folder.startswith(".")


def test_plain_names_are_kept_and_others_escaped():
    assert folder_name("ada.lovelace@uni") == "ada.lovelace@uni"
    assert folder_name("grades.csv") == "_grades.csv"
    assert folder_name("Zo\u00eb") != folder_name("Zoe\u0308")
    assert folder_name("bad\udcffbytes") == "_bad%FFbytes"  # a name that is not UTF-8


def honest_class(submissions: Path, names: list[str]) -> None:
    for name in names:
        (submissions / name).mkdir(parents=True)
        shutil.copy(ROOT / "solutions" / "matmul.py", submissions / name / "matmul.py")


def trusted_worker_grading(autograde_pid: int) -> int | None:
    """The pid of a worker of this autograde run whose sandbox is running (so it is grading), if any."""
    table = {}
    for line in subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True).stdout.splitlines():
        pid, ppid, args = line.split(None, 2)
        table[int(pid)] = (int(ppid), args)
    for ppid, args in table.values():
        if args.startswith(("setpriv ", "bwrap ")) and table.get(ppid, (None,))[0] == autograde_pid:
            return ppid
    return None


@needs_bwrap
def test_a_worker_that_dies_is_replaced_and_no_student_is_lost(tmp_path):
    """Three SIGKILLs of the grading worker (one worker): a, b, then a again. a is retried once and
    then gets error rows that say why; b, retried once, is graded; the run ends with grades.csv."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    honest_class(submissions, ["a", "b"])
    process, stdout, stderr = autograde(submissions, out, ("matmul",), CLOCK, workers=1)
    killed = []
    while process.poll() is None and len(killed) < 3:
        worker = trusted_worker_grading(process.pid)
        if worker is not None and worker not in killed:
            os.kill(worker, signal.SIGKILL)
            killed.append(worker)
        time.sleep(0.05)
    returncode, out_text, err_text = finish(process, stdout, stderr)
    assert len(killed) == 3 and returncode == 0, err_text[-3000:]
    with open(out / "grades.csv") as handle:
        rows = {(r["student"], r["exercise"]): r["status"] for r in csv.DictReader(handle)}
    assert rows == {**{("a", e): "error" for e in MATMUL}, **{("b", e): "passed" for e in MATMUL}}
    assert "worker process died while grading this submission (killed by SIGKILL), 2 times" in \
        (out / "a" / "feedback.md").read_text()


@needs_bwrap
def test_a_killed_run_resumes_from_its_journal_and_grades_only_the_rest(tmp_path):
    """SIGKILL `grader autograde` once a student is journaled; --resume grades the others only,
    and grades.csv holds every student's rows, as an uninterrupted run would."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    honest_class(submissions, ["a", "b", "c"])
    shutil.copy(ROOT / "assignments" / "matmul.py", submissions / "c" / "matmul.py")  # c hands in the stub
    command = [sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
               "--assignment", "matmul", "--workers", "1", "--timeout", str(CLOCK), "--no-progress"]
    first = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / ".journal"
    while first.poll() is None and not list(journal.glob("*.student.json")):
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert not (out / "grades.csv").exists() and len(list(journal.glob("*.student.json"))) == 1
    resumed = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "--resume: 1 students already graded, 2 to go" in resumed.stdout
    with open(out / "grades.csv") as handle:
        rows = {(r["student"], r["exercise"]): r["status"] for r in csv.DictReader(handle)}
    assert rows == {**{(s, e): "passed" for s in "ab" for e in MATMUL}, **{("c", e): "not_attempted" for e in MATMUL}}
    assert all((out / student / "feedback.md").is_file() for student in "abc")


def test_regrade_grades_one_exercise_again_and_updates_every_output(tmp_path):
    """After autograde, `grader regrade DIR --exercise NAME` re-runs that exercise's tests only, with the run's
    own SUBMISSIONS and limits (its journal), and rewrites grades.csv, feedback, results.json and the page."""
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    honest_class(submissions, ["a", "b"])
    shutil.copy(ROOT / "assignments" / "matmul.py", submissions / "b" / "matmul.py")  # b hands in the stub
    graded = subprocess.run([sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
                             "--assignment", "matmul", "--workers", "1", "--timeout", str(CLOCK), "--no-progress"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert graded.returncode == 0, graded.stderr[-3000:]
    before = {name: (out / name).read_text() for name in ("b/feedback.md", "b/results.json", "a/results.json")}
    # What a regrade sees changed: here b's file (in a course, the tests or the catalogue would be).
    shutil.copy(ROOT / "solutions" / "matmul.py", submissions / "b" / "matmul.py")
    regrade = [sys.executable, "-m", "grader", "regrade", str(out), "--workers", "1", "--no-progress"]
    done = subprocess.run([*regrade, "--exercise", "matmul.matmul_einsum"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "regrading matmul.matmul_einsum for 2 students" in done.stdout
    with open(out / "grades.csv") as handle:
        rows = {(r["student"], r["exercise"]): r["status"] for r in csv.DictReader(handle)}
    assert rows == {**{("a", e): "passed" for e in MATMUL}, **{("b", e): "not_attempted" for e in MATMUL[:3]},
                    ("b", "matmul_einsum"): "passed"}  # b's other exercises were not graded again
    assert "matmul_einsum" in (out / "b" / "feedback.md").read_text()
    assert (out / "b" / "feedback.md").read_text() != before["b/feedback.md"]
    assert json.loads((out / "b" / "results.json").read_text())["score"] == 9
    assert json.loads(before["b/results.json"])["score"] == 0
    assert json.loads((out / ".journal" / "run.json").read_text())["sandbox"]["call_timeout"] == CLOCK
    ambiguous = subprocess.run([*regrade, "--exercise", "einsum"], cwd=ROOT, capture_output=True, text=True)
    assert ambiguous.returncode == 2
    assert "is not an exercise of this run; choose from matmul.matmul," in ambiguous.stderr
    nothing = subprocess.run([*regrade[:4], str(tmp_path), "--exercise", "matmul"], cwd=ROOT, capture_output=True,
                             text=True)
    assert nothing.returncode == 2 and "holds no run of grader autograde" in nothing.stderr


def test_budgets_end_an_exercise_then_the_student(tmp_path):
    """Calls that each answer in time, but together take longer than the exercise's budget and then the
    student's, time out with a message that names the budget; a call that asks for more time adds it."""
    from grader._outcome import TimedOut
    from grader._student_code import SandboxConfig
    from grader._student_code.sandbox import SandboxImplementation
    from tests.probes import matmul as probes

    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "matmul.py").write_text(
        "import time\n\ndef matmul(a, b):\n    time.sleep(0.5)\n    return (a[:, :, None] * b[None]).sum(1)\n\n"
        "matmul_elementwise = matmul_broadcast = matmul_einsum = matmul\n")
    config = SandboxConfig(mode="process", call_timeout=5.0, exercise_budget=2.0, student_budget=3.0)
    impl = SandboxImplementation(tmp_path / "student", tmp_path / "scratch", config)
    one = torch.ones(1, 1)

    def calls_until_timed_out(exercise: str, timeout=None) -> tuple[int, str]:
        impl.exercise = exercise
        for count in range(1, 12):
            try:
                impl.run(probes.product, exercise, one, one, timeout=timeout)
            except TimedOut as exc:
                return count, str(exc)
        return count, "never"

    try:
        count, message = calls_until_timed_out("matmul")
        assert 2 <= count <= 5 and "--exercise-budget" in message  # 0.5 s each against 2 s
        count, message = calls_until_timed_out("matmul_elementwise")
        assert 1 <= count <= 3 and "--student-budget" in message  # the 1 s the student had left
        budget = message.split(", on the probe's input")[0]  # the message then says on what input
        count, message = calls_until_timed_out("matmul_broadcast")
        assert count == 1 and message.startswith(budget + ", on the probe's input ('matmul_broadcast'")  # at once
        impl.exercise = "matmul_einsum"  # a call that asks for 6 s (as training does) gets them
        assert impl.run(probes.product, "matmul_einsum", one, one, timeout=6.0)[0].tolist() == [[1.0]]
    finally:
        impl.close()
