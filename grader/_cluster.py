"""`grader autograde --scheduler ADDRESS`: the same grading, with each student a task on a Dask cluster.

The driver (this process) finds the students, packs what the grader reads of each
folder (`jail.pack_submission`: the files travel, no shared file system is needed),
and submits one task per student; it writes grades.csv, feedback, results.json,
the journal and the gradebook exactly as a local run does, from what the tasks return.

A task runs on a Dask worker in a trusted grading process of its own (the local
pool's `GradingPool`, one per worker thread, kept between tasks), with the same
sandbox as a local run. The driver first checks that every worker has the same kit
(grader, tests, solutions, catalogue: the judge) and the sandbox the run asks for.

Faults: a worker that dies mid-task has its tasks run elsewhere by Dask (the
scheduler's `allowed-failures`), each student's result is taken once; a scheduler
that goes away stops the run with ClusterLost, and `--resume` continues from the journal.

Workers must be able to start processes: `dask worker ADDRESS --nthreads 1` with
DASK_DISTRIBUTED__WORKER__DAEMON=False (a nanny's worker is otherwise a daemonic process,
which Python forbids children), or `--no-nanny`. `local:N` sets this up itself.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import uuid
from collections import deque
from pathlib import Path

from ._outcome import ClusterLost, UsageError
from ._paths import kit_root

WAIT_SECONDS = 5.0       # how often the driver looks at the scheduler while tasks run
CONNECT_SECONDS = 30.0   # to reach the scheduler, and for the first worker to appear
IN_FLIGHT_BYTES = 2**30  # packed submissions the driver holds at once, at most (one student may be 130 MiB)
JUDGE = ("grader", "tests", "solutions", "catalogue")  # the kit's folders whose code decides a grade
START_WORKERS = "DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker ADDRESS --nthreads 1"


class WorkerUnfit(Exception):
    """A task landed on a worker with another kit (one that joined after the driver's check)."""


@functools.cache  # the kit does not change under a running process
def kit_fingerprint() -> str:
    """A hash of the judge's code (JUDGE's .py files): two machines grade alike only if theirs agree."""
    root = kit_root()
    digest = hashlib.sha256()
    for folder in JUDGE:
        for path in sorted((root / folder).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def worker_facts() -> dict:
    """What the driver must know of a worker before trusting it with grading (runs on the worker)."""
    from ._student_code.jail import bwrap_available

    return {"kit": kit_fingerprint(), "bwrap": bwrap_available(), "python": sys.version.split()[0],
            "can_start_processes": not multiprocessing.current_process().daemon}


def open_cluster(scheduler: str):
    """(client, close) for `tcp://HOST:PORT` (an existing scheduler) or `local:N` (a LocalCluster started here)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'foundations-kit[cluster]'") from None
    if scheduler.startswith("local:"):
        try:
            workers = int(scheduler.removeprefix("local:"))
        except ValueError:
            workers = 0
        if workers < 1:
            raise UsageError(f"--scheduler {scheduler}: local:N needs a number of workers N >= 1")
        with dask.config.set({"distributed.worker.daemon": False}):  # a worker starts its grading process
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)

        def close():
            client.close()
            cluster.close()
        return client, close
    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})") from None
    return client, client.close


def check_workers(client, mode: str) -> str:
    """A sentence on the cluster, once every worker is shown fit to grade; UsageError otherwise."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_SECONDS)
    except TimeoutError:
        raise UsageError(f"no Dask worker joined the scheduler in {CONNECT_SECONDS:g} s "
                         f"(start some: {START_WORKERS})") from None
    facts = client.run(worker_facts)
    mine = kit_fingerprint()
    problems = []
    for address, fact in sorted(facts.items()):
        if fact["kit"] != mine:
            problems.append(f"{address}: another version of the kit (its tests, solutions, catalogue or grader "
                            f"differ from this machine's): grades would differ")
        if mode == "bwrap" and not fact["bwrap"]:
            problems.append(f"{address}: no bubblewrap, and this run's sandbox is bubblewrap")
        if not fact["can_start_processes"]:
            problems.append(f"{address}: a daemonic worker cannot start the grading process (start it: "
                            f"{START_WORKERS})")
    if problems:
        raise UsageError("these Dask workers cannot grade:\n  " + "\n  ".join(problems))
    threads = sum(client.nthreads().values())
    return f"Dask cluster at {client.scheduler.address}: {len(facts)} workers, {threads} threads, the same kit"


def grade_on_cluster(jobs: list[tuple], scheduler: str, say=print):
    """Yield (name, results, seconds) for each job (name, folder, Options), graded on the cluster, as they finish."""
    from ._autograde import complete
    from ._student_code.jail import pack_submission

    client, close = open_cluster(scheduler)  # first: it says what to install where Dask is missing
    from distributed import wait
    from distributed.client import FuturesCancelledError

    try:
        say(check_workers(client, jobs[0][2].sandbox.mode if jobs else "process"))
        kit = kit_fingerprint()
        window = 2 * max(1, sum(client.nthreads().values()))  # students submitted and not yet back
        waiting, pending, run = deque(jobs), {}, uuid.uuid4().hex[:8]
        while waiting or pending:
            while waiting and len(pending) < window and (
                    not pending or sum(size for _, _, size in pending.values()) < IN_FLIGHT_BYTES):
                name, folder, options = waiting.popleft()
                packed = pack_submission(Path(folder), options.modules)
                future = client.submit(grade_task, name, packed, options, kit,
                                       key=f"grade-{run}-{len(jobs) - len(waiting)}", pure=False)
                pending[future] = (name, options, sum(len(p) for _, kind, p in packed if kind == "file"))
            try:
                done, _ = wait(list(pending), timeout=WAIT_SECONDS, return_when="FIRST_COMPLETED")
            except (TimeoutError, FuturesCancelledError, OSError):
                done = [f for f in pending if f.done()]
            if client.status != "running":
                raise ClusterLost(f"the Dask scheduler at {scheduler} went away")
            for future in done:
                name, options, _ = pending.pop(future)
                try:
                    yield future.result()
                except WorkerUnfit as exc:
                    raise UsageError(f"{exc}; its students were not graded (--resume continues)") from None
                except Exception as exc:  # noqa: BLE001  (KilledWorker: its workers kept dying; any other failure)
                    if client.status != "running":
                        raise ClusterLost(f"the Dask scheduler at {scheduler} went away") from None
                    message = f"the cluster could not grade this submission: {type(exc).__name__}: {str(exc)[:300]}"
                    yield name, complete([], options.modules, message), 0.0
    finally:
        close()


# --- on a Dask worker ------------------------------------------------------------------------------------
_pools = threading.local()  # one trusted grading process per worker thread, kept between tasks


@functools.cache
def _worker_scratch() -> str:
    """A folder of this worker process's own, readable by the sandbox's uid (as autograde's scratch is)."""
    folder = tempfile.mkdtemp(prefix="kit-dask-")
    os.chmod(folder, 0o755)
    return folder


def grade_task(name: str, packed: list, options, kit: str):
    """A task: rebuild the submission here and grade it as a local run's worker would; (name, results, seconds)."""
    from ._autograde import GradingPool
    from ._student_code.jail import unpack_submission

    if kit_fingerprint() != kit:
        raise WorkerUnfit(f"a Dask worker on {os.uname().nodename} has another version of the kit")
    scratch = _worker_scratch()
    pool = getattr(_pools, "pool", None)
    if pool is None:
        pool = _pools.pool = GradingPool(1)
    folder = Path(tempfile.mkdtemp(prefix="submission-", dir=scratch))
    try:
        unpack_submission(packed, folder)
        options = dataclasses.replace(options, scratch_root=scratch)
        [answer] = pool.grade([(name, str(folder), options)])  # drained: the grading process is kept for the next
        return answer
    finally:
        shutil.rmtree(folder, ignore_errors=True)
