"""`grader autograde --scheduler`: grading on a real Dask cluster gives the local pool's grades.

A real `dask scheduler` and real `dask worker` processes, started here on loopback, grade
a class with hostile students in it; grades.csv must be byte for byte the local pool's,
also when a worker is killed mid-run, and a scheduler that goes away stops the run
with a message, after which --resume finishes it.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader._student_code.jail import MAX_FILE, MAX_FILES, copy_submission, pack_submission, unpack_submission
from testing.hostile_cases import CASES, ROOT, build

# Hostile students whose matmul grading is quick, each taking another path through the grader: a link, a
# shipped module, a forged value, a crash and restart, broken files, a notebook, a folder name not UTF-8.
CLASS = ["symlink_out", "shadow_torch", "segfault", "binary_file", "notebook_folder", "name_not_utf8"]
STUDENTS = len(CLASS) + 2  # and an honest one, and one who hands in the stubs
CLOCK = "5"  # seconds per call


def make_class(root: Path) -> Path:
    submissions = root / "submissions"
    submissions.mkdir()
    for case in CASES:
        if case.name in CLASS:
            build(case, submissions / case.student, clock=float(CLOCK))
    for name, base in (("honest", "solutions"), ("untouched", "assignments")):
        (submissions / name).mkdir()
        (submissions / name / "matmul.py").write_text((ROOT / base / "matmul.py").read_text())
    return submissions


def autograde(submissions: Path, out: Path, *options: str, wait=True):
    command = [sys.executable, "-m", "grader", "autograde", str(submissions), "--out", str(out),
               "--assignment", "matmul", "--timeout", CLOCK, "--no-progress", *options]
    if wait:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class Cluster:
    """`dask scheduler` and `dask worker`s (a nanny each, which restarts a killed worker), on loopback."""

    def __init__(self, folder: Path, workers: int):
        folder.mkdir()
        address_file = folder / "scheduler.json"
        self.processes = [self._start(folder / "scheduler.log", "dask_scheduler", "--host", "127.0.0.1", "--port",
                                      "0", "--no-dashboard", "--scheduler-file", str(address_file))]
        deadline = time.monotonic() + 60
        while not address_file.exists():
            assert time.monotonic() < deadline, (folder / "scheduler.log").read_text()
            time.sleep(0.2)
        self.address = json.loads(address_file.read_text())["address"]
        for n in range(workers):
            self.processes.append(self._start(folder / f"worker{n}.log", "dask_worker", self.address, "--nthreads",
                                              "1", "--no-dashboard", "--host", "127.0.0.1"))
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)

    @staticmethod
    def _start(log: Path, program: str, *args: str) -> subprocess.Popen:
        # The grading process a worker starts needs a worker that is not a daemonic process (the README).
        env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        with open(log, "w") as handle:
            return subprocess.Popen([sys.executable, "-m", f"distributed.cli.{program}", *args], stdout=handle,
                                    stderr=subprocess.STDOUT, env=env, cwd=log.parent, start_new_session=True)

    def worker_pids(self) -> list[int]:
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            return list(client.run(os.getpid).values())

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@pytest.fixture(scope="module")
def graded_locally(tmp_path_factory):
    pytest.importorskip("distributed")
    root = tmp_path_factory.mktemp("class")
    submissions = make_class(root)
    done = autograde(submissions, root / "local", "--workers", "2")
    assert done.returncode == 0, done.stderr
    return submissions, (root / "local" / "grades.csv").read_bytes()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    pytest.importorskip("distributed")
    running = Cluster(tmp_path_factory.mktemp("dask") / "cluster", workers=2)
    yield running
    running.stop()


def journaled(out: Path) -> int:
    return len(list((out / ".journal").glob("*.student.json")))


@pytest.mark.full_tier_only
def test_a_cluster_grades_as_the_local_pool_does_even_with_a_worker_killed(graded_locally, cluster, tmp_path):
    submissions, local = graded_locally
    out = tmp_path / "out"
    run = autograde(submissions, out, "--scheduler", cluster.address, wait=False)
    deadline = time.monotonic() + 600
    while journaled(out) < 1 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    victim = cluster.worker_pids()[0]
    os.kill(victim, signal.SIGKILL)  # its nanny starts another; the task it held runs again, there or on the other
    at_the_kill = journaled(out)
    stdout, stderr = run.communicate(timeout=900)
    assert run.returncode == 0, stderr
    assert f"Dask cluster at {cluster.address}: 2 workers, 2 threads, the same kit" in stdout
    assert 1 <= at_the_kill < STUDENTS  # mid-run: two workers were grading the rest
    assert (out / "grades.csv").read_bytes() == local
    for student in ("honest", "symlink_out", "notebook_folder"):
        assert (out / student / "feedback.md").is_file()
    assert (out / "report.html").is_file()


@pytest.mark.full_tier_only
def test_a_scheduler_that_goes_away_stops_the_run_and_resume_finishes_it(graded_locally, tmp_path):
    submissions, local = graded_locally
    out = tmp_path / "out"
    doomed = Cluster(tmp_path / "doomed", workers=1)
    try:
        run = autograde(submissions, out, "--scheduler", doomed.address, wait=False)
        deadline = time.monotonic() + 600
        while journaled(out) < 1 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(doomed.processes[0].pid, signal.SIGKILL)  # the scheduler
        stdout, stderr = run.communicate(timeout=300)
    finally:
        doomed.stop()
    assert run.returncode == 1, stderr
    assert f"the Dask scheduler at {doomed.address} went away" in stderr and "--resume" in stderr
    assert not (out / "grades.csv").exists()
    before = journaled(out)
    assert 1 <= before < STUDENTS
    resumed = autograde(submissions, out, "--scheduler", "local:1", "--resume")  # any engine resumes
    assert resumed.returncode == 0, resumed.stderr
    assert f"--resume: {before} students already graded, {STUDENTS - before} to go" in resumed.stdout
    assert (out / "grades.csv").read_bytes() == local


@pytest.mark.full_tier_only
def test_without_dask_the_local_path_works_and_scheduler_says_what_to_install(tmp_path):
    submissions = tmp_path / "submissions"
    (submissions / "honest").mkdir(parents=True)
    (submissions / "honest" / "matmul.py").write_text((ROOT / "solutions" / "matmul.py").read_text())
    # Dask made unimportable, as on a machine that installed the kit without its [cluster] extra.
    without_dask = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None; "
                    "from grader._cli import main; sys.exit(int(main(sys.argv[1:])))")
    base = [sys.executable, "-c", without_dask, "autograde", str(submissions), "--assignment", "matmul",
            "--no-progress", "--workers", "1"]
    local = subprocess.run([*base, "--out", str(tmp_path / "local")], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert local.returncode == 0, local.stderr
    assert "honest,matmul,matmul,9,9,passed" in (tmp_path / "local" / "grades.csv").read_text()
    cluster = subprocess.run([*base, "--out", str(tmp_path / "cluster"), "--scheduler", "local:2"], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
    assert cluster.returncode == 2
    assert "--scheduler needs Dask: pip install 'foundations-kit[cluster]'" in cluster.stderr


def test_a_packed_submission_is_read_as_the_folder_it_came_from(tmp_path):
    """What travels to a worker: the sandbox's copy and every graded module read the same there."""
    source = tmp_path / "source"
    source.mkdir()
    for n in range(MAX_FILES + 3):  # more files than the sandbox copies: the graded module sorts last
        (source / f"a{n:03}.txt").write_text(str(n))
    (source / "matmul.py").write_text("def matmul(a, b):\n    return a\n")
    (source / "backprop.py").symlink_to(ROOT / "solutions" / "backprop.py")
    (source / "loss.py").mkdir()
    with open(source / "data.py", "wb") as handle:
        handle.truncate(MAX_FILE + 1)
    (source / "big.bin").write_bytes(b"x" * (MAX_FILE + 1))
    modules = ["matmul", "backprop", "loss", "data"]
    rebuilt = tmp_path / "rebuilt"
    rebuilt.mkdir()
    unpack_submission(pack_submission(source, modules), rebuilt)
    from grader._outcome import ModuleBroken
    from grader._student_code.jail import read_source

    def reads(folder: Path):
        copy = tmp_path / f"copy-of-{folder.name}"
        copy_submission(folder, copy)
        sources = {}
        for module in modules:
            try:
                sources[module] = read_source(folder, module)
            except ModuleBroken as exc:
                sources[module] = f"{exc}"
        return sorted(p.name for p in copy.iterdir()), sources

    assert reads(rebuilt) == reads(source)
    assert len(reads(source)[0]) == MAX_FILES
    with pytest.raises(ValueError):
        unpack_submission([("../escape.py", "file", b"")], rebuilt)
