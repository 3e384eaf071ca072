"""The autograder's implementation: student code runs only inside a sandboxed fork server.

`SandboxImplementation` has the interface of every implementation (see
`grader._student_code`), so the same tests judge in this trusted process while
probes run in the child (`child.py`), confined as `jail.py` says. The parent
keeps the time: a wall-clock limit per call, and budgets per exercise and per
submission, each enforced by killing the sandbox, whose pid namespace takes
every process inside it along.
"""
from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

from .._outcome import Crashed, ModuleBroken, NotAttempted, Raised, Reply, RuleBroken, StudentError, TimedOut
from . import SandboxConfig, jail
from .plain import from_plain, summary, to_plain
from .wire import ProtocolError, read_message, write_message

STARTUP_SECONDS = 120.0       # importing torch in the child, on a busy machine
MAX_RESTARTS = 40             # sandboxes started per student before every call is refused


class SandboxImplementation:
    """A submission whose code runs only inside a sandboxed fork server (child.py).

    Args:
        root: the submission folder as the instructor has it (read here only as text).
        scratch: an empty folder for the private copy the sandbox sees.
        config: sandbox mode, uid, limits and the per-call timeout.
    """

    def __init__(self, root: Path, scratch: Path, config: SandboxConfig):
        self.root, self.scratch, self.config = Path(root), Path(scratch), config
        self.call_timeout = config.call_timeout
        self.skipped = jail.copy_submission(self.root, self.scratch)
        self.kit = Path(__file__).resolve().parents[2]
        self.process: subprocess.Popen | None = None
        self.worker: tuple | None = None    # (module, exercise) the forked worker serves
        self.exercise: str | None = None    # set by the plugin before each test
        self.doomed: dict[tuple, BaseException] = {}  # exercises that timed out or crashed: not retried
        self.broken: dict[str, tuple[str, str]] = {}
        self.not_attempted: dict[str, str] = {}
        self.restarts = 0
        self.spent: dict[tuple, float] = {}     # seconds of calls per exercise
        self.granted: dict[tuple, float] = {}   # seconds added to an exercise's budget by long calls

    # --- the interface of every implementation (grader._student_code) ------------------------

    def source(self, module: str) -> str:
        return jail.read_source(self.root, module)

    def run(self, probe, *args, expect_error: bool = False, timeout: float | None = None):
        module = probe.__module__.rsplit(".", 1)[-1]
        key = (module, self.exercise)
        if key in self.doomed:  # one timeout or crash settles the exercise; don't pay for it again
            raise type(self.doomed[key])(*self.doomed[key].args)
        seconds = max(self.call_timeout, timeout or 0)
        if seconds > self.call_timeout:
            self.granted[key] = self.granted.get(key, 0.0) + seconds
        exercise_left = self.config.exercise_budget + self.granted.get(key, 0.0) - self.spent.get(key, 0.0)
        student_left = self.config.student_budget + sum(self.granted.values()) - sum(self.spent.values())
        budget = ""  # the budget that bounds this call, if one is shorter than the call's own limit
        if min(student_left, exercise_left) < seconds:
            if student_left <= exercise_left:
                seconds, budget = student_left, (f"this submission's calls took {self.config.student_budget:g} s "
                                                 f"in all, its budget (--student-budget)")
            else:
                seconds, budget = exercise_left, (f"this exercise's calls took {self.config.exercise_budget:g} s "
                                                  f"in all, its budget (--exercise-budget)")
        started = None
        try:
            self._start()  # the fork server's start (torch's import) is the kit's time, not the student's
            started = time.monotonic()
            if seconds <= 0:
                raise TimedOut(budget)
            return self._run(key, probe, args, expect_error, seconds)
        except TimedOut as exc:  # hypothesis reports no example for it: say on what
            self.doomed[key] = TimedOut(f"{budget or exc}, on the probe's input {summary(args)}")
            raise self.doomed[key] from None
        except Crashed as exc:
            self.doomed[key] = exc
            raise
        finally:
            if started is not None:
                self.spent[key] = self.spent.get(key, 0.0) + time.monotonic() - started

    def _run(self, key, probe, args, expect_error, seconds):
        module = key[0]
        self._worker_for(key)
        request = {"op": "call", "probe": f"{module}.{probe.__name__}", "args": to_plain(list(args)),
                   "expect_error": expect_error}
        reply = self._exchange(request, seconds)
        status = reply.get("status") if isinstance(reply, dict) else None
        if status == Reply.OK:
            return from_plain(reply.get("value"))
        if status == Reply.RAISED and expect_error:
            kinds = reply.get("kinds")
            return Raised(str(reply.get("type")), str(reply.get("message")),
                          tuple(str(k) for k in kinds) if isinstance(kinds, list) else ())
        if status == Reply.NOT_ATTEMPTED:
            raise NotAttempted(str(reply.get("message")))
        if status == Reply.BROKEN:
            raise ModuleBroken(str(reply.get("message")), "invalid" if reply.get("kind") == "invalid" else "error")
        if status == Reply.EXITED:
            self.worker = None
            raise Crashed(f"your code ended the process running it ({jail.describe_exit(reply.get('code'))})")
        if status == Reply.ERROR:
            raise StudentError(str(reply.get("message")))
        if status == Reply.FORBIDDEN:  # believed: it can only cost the student (see confine.py)
            raise RuleBroken(str(reply.get("message")), str(reply.get("rule")))
        # A reply the child never sends: student code wrote on the channel. It settles the exercise.
        self._stop()
        raise Crashed(f"the sandbox answered something unexpected: {str(reply)[:200]}")

    def close(self) -> None:
        self._stop()
        shutil.rmtree(self.scratch, ignore_errors=True)

    # --- the fork server -----------------------------------------------------------------------

    def _worker_for(self, key: tuple) -> None:
        """Make sure a fresh worker holding the student's module serves this exercise; raise if it cannot.

        One worker per exercise: a monkeypatch or a crash in one exercise's code
        cannot change how another exercise of the same module is graded.
        """
        module = key[0]
        if module in self.broken:
            raise ModuleBroken(*self.broken[module])
        if module in self.not_attempted:
            raise NotAttempted(self.not_attempted[module])
        if self.worker == key and self.process is not None:
            return
        self._end_worker()
        for attempt in (1, 2):
            self._start()
            try:
                write_message(self.stdin, {"op": "fork", "module": module, "exercise": key[1]})
                reply = self._read(module, max(self.call_timeout, 10.0))
                break
            except TimedOut:
                self.broken[module] = (f"importing {module}.py took longer than "
                                       f"{max(self.call_timeout, 10.0):g} s", "error")
                raise ModuleBroken(*self.broken[module]) from None
            except (Crashed, OSError):  # OSError: the fork request found the sandbox gone
                # What an earlier exercise left behind may have ended the sandbox: its siblings must not pay
                # for it, so once more in a fresh sandbox; an import that ends that one too is to blame.
                self._stop()
                if attempt == 1:
                    continue
                self.broken[module] = (f"importing {module}.py ended the sandbox", "error")
                raise ModuleBroken(*self.broken[module]) from None
        status = reply.get("status") if isinstance(reply, dict) else None
        if status == Reply.READY:
            self.worker = key
            return
        if status == Reply.NOT_ATTEMPTED:
            self.not_attempted[module] = str(reply.get("message"))
        elif status == Reply.BROKEN:
            self.broken[module] = (str(reply.get("message")), "invalid" if reply.get("kind") == "invalid" else "error")
        elif status == Reply.EXITED:
            self.broken[module] = (f"importing {module}.py ended the process ({jail.describe_exit(reply.get('code'))})",
                                   "error")
        else:
            self.broken[module] = (f"importing {module}.py gave an unexpected answer", "error")
        if status in (Reply.NOT_ATTEMPTED, Reply.BROKEN):
            self.worker = key  # the worker is alive and waiting: end it properly
            self._end_worker()
        elif status != Reply.EXITED:
            self._stop()
        self._worker_for(key)

    def _end_worker(self) -> None:
        if self.worker is None or self.process is None:
            self.worker = None
            return
        self.worker = None
        try:
            write_message(self.stdin, {"op": "end"})
            while True:
                reply = self._read("", 10.0)
                if isinstance(reply, dict) and reply.get("status") == Reply.EXITED:
                    break
        except (TimedOut, Crashed, StudentError, OSError):
            self._stop()

    def _exchange(self, request, seconds: float):
        try:
            write_message(self.stdin, request)
        except OSError:
            self._stop()
            raise Crashed("the sandbox stopped taking requests") from None
        return self._read("", seconds)

    def _read(self, module: str, seconds: float):
        deadline = time.monotonic() + seconds

        def wait(fd):
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError

        try:
            return read_message(self.stdout, wait)
        except TimeoutError:
            self._stop()
            raise TimedOut(f"a call took longer than {seconds:g} s") from None
        except (EOFError, OSError):
            self._stop()
            raise Crashed("your code ended the sandbox itself") from None
        except ProtocolError as exc:  # student code wrote on the channel: settle the exercise (no shrinking)
            self._stop()
            raise Crashed(f"garbled answer from the sandbox: {exc}") from None

    def _start(self) -> None:
        if self.process is not None:
            return
        if self.restarts >= MAX_RESTARTS:
            raise Crashed(f"the sandbox was restarted {MAX_RESTARTS} times for this submission; giving up")
        self.restarts += 1
        jail.become_subreaper()
        config = self.config
        command = jail.command(config.mode, config.uid, config.limits, self.kit, self.scratch)
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=jail.environment(), preexec_fn=jail.rlimits(config.limits, config.mode), start_new_session=True,
            close_fds=True)
        self.stdin, self.stdout = self.process.stdin.fileno(), self.process.stdout.fileno()
        hello = self._read("", STARTUP_SECONDS)
        if not isinstance(hello, dict) or hello.get("status") != Reply.HELLO:
            self._stop()
            raise StudentError("the sandbox did not start")

    def _stop(self) -> None:
        process, self.process, self.worker = self.process, None, None
        if process is None:
            return
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        process.wait()
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline:  # the inner processes die with the pid namespace; reap them
            jail.reap_orphans()
            if not jail.children_alive():
                break
            time.sleep(0.01)
