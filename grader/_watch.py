"""`grader watch`: re-grade on every save, from a warm process, and show what changed.

The parent imports torch, pytest, hypothesis and the grader once, then looks at
the student's files (every `*.py` of the implementation folder: size,
modification time, inode) every POLL_SECONDS. On a save it forks a child, which
runs `run_tests` as `grader check` does, on the assignments of the saved file
and those importing it, and sends each test's record back over a pipe as the
test ends: the parent prints one line per test as it comes (`result_line`),
then the scoreboard of every watched assignment and what changed since the last
run. Student code runs only in the children, so nothing it imports, binds or
breaks reaches the next run. A child that dies (os._exit, a crash) is reported
as the error of the test it was running and of the tests it did not reach; a
save while a child grades that file ends the child and starts another.

A child's results are `grader check`'s for the same assignments: the same run,
in the same order, on the same examples (the plugin's draws do not depend on
what the process has loaded: grader._plugin._draw_from_the_strategies_alone).
"""
from __future__ import annotations

import ast
import gc
import os
import pickle
import re
import select
import shutil
import signal
import struct
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ._course import ASSIGNMENTS, BY_MODULE
from ._outcome import CHECK_LABELS, HINTS, TestRecord

POLL_SECONDS = 0.1     # how often the files are looked at (and the child's pipe, between its messages)
SETTLE_SECONDS = 0.05  # after a change is seen, look again until the files stop changing (an editor's two writes)
CLEAR = "\x1b[2J\x1b[H"  # a terminal's "clear the screen, cursor home"
_LENGTH = struct.Struct("!I")  # a message on the pipe: its length, then its pickle
# A line of a test's result, as `result_line` writes it: benchmarks/loop.py and the tests look for it.
RESULT_LINE = re.compile(r"^  \d\d \S+\s+\S+\s+(passed|failed|error|not attempted|timed out|kit error)\b")


def warm_up() -> None:
    """Import what every run needs, once."""
    gc.disable()  # as grader check does: no collection while torch is imported, none over its objects afterwards
    try:
        import hypothesis.extra.numpy  # noqa: F401  (the tests' strategies need it; not local code)

        from . import _report, _run  # noqa: F401  (torch, pytest, hypothesis and the plugin come with them)
    finally:
        gc.freeze()  # also keeps the forked children from copying the pages these objects live on
        gc.enable()


def watch(impl: Path, modules: list[str], call_timeout: float, out=None) -> int:
    """Grade `modules` of `impl` once, then again on every save, until Ctrl-C (or SIGTERM); return 0."""
    out = out or sys.stdout
    warm_up()
    screen = _Screen(out, impl)
    results: dict[tuple[str, str], object] = {}
    files = _Files(impl)
    pending, saved, run = list(modules), [], None
    # Both set here, not inherited: a shell starting `grader watch` in the background (a CI lane,
    # `cmd &` without job control) hands it SIGINT ignored, and Ctrl-C must still end it.
    previous = {s: signal.signal(s, _interrupt) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            if run is None and pending:
                run = _start(impl, pending, call_timeout, out)
                screen.started(run, saved)
                pending, saved = [], []
            if run is not None:
                ready, _, _ = select.select([run.fd], [], [], POLL_SECONDS)
                messages = run.receive() if ready else []
                ended = run.ended()
                for message in messages + run.late:
                    if message[0] == "records":
                        for record in message[1]:
                            screen.line(result_line(record, screen.width))
                if ended:
                    screen.finished(run, _merge(results, run), results, modules)
                    run = None
                    if not pending:
                        screen.prompt(files.names(modules))
            else:
                time.sleep(POLL_SECONDS)
            changed = files.changed()
            if not changed:
                continue
            affected = affected_assignments(impl, changed, modules)
            if not affected:  # a file no watched assignment is or imports
                continue
            saved += [name for name in changed if name not in saved]
            if run is not None and set(run.modules) & set(affected):  # what it grades is out of date: start again
                run.stop()
                affected += run.modules
                run = None
            pending = [m for m in modules if m in affected or m in pending]
    except KeyboardInterrupt:
        pass
    finally:
        if run is not None:
            run.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    screen.line("grader watch: stopped")
    return 0


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def result_line(record: TestRecord, width: int = 100) -> str:
    """`  01 matmul  matmul_einsum  failed  The product equals torch's a @ b, ...`: one test's outcome."""
    number = BY_MODULE[record.assignment].number
    label = CHECK_LABELS.get(record.outcome, record.outcome)
    line = f"  {number} {record.assignment:<10} {record.exercise:<20} {label:<13} {record.title}"
    return line if len(line) <= width else line[:width - 3] + "..."


# --- the child: one grading, in a forked process --------------------------------------------------------

class _Stream:
    """The child's pytest plugin: sends the tests collected, each test's start, and its records as it ends."""

    def __init__(self, channel):
        self.channel, self.config, self.sent = channel, None, 0

    def pytest_configure(self, config):
        self.config = config

    def pytest_collection_finish(self, session):
        from ._plugin import assignment_of

        tests = []
        for item in session.items:
            mark, module = item.get_closest_marker("exercise"), assignment_of(item)
            if mark is not None and module is not None:
                title = (getattr(item.obj, "__doc__", None) or item.name).strip().splitlines()[0]
                tests.append((item.nodeid, module, mark.args[0], mark.kwargs.get("points", 1), title))
        self.channel.send(("collected", tests))

    def pytest_runtest_logstart(self, nodeid, location):
        self.channel.send(("started", nodeid))

    def pytest_runtest_logfinish(self, nodeid, location):
        from ._plugin import RECORDS

        records = self.config.stash[RECORDS]
        if len(records) > self.sent:
            self.channel.send(("records", records[self.sent:]))
            self.sent = len(records)


class _Channel:
    def __init__(self, fd: int):
        self.fd = fd

    def send(self, message) -> None:
        data = pickle.dumps(message)
        data = _LENGTH.pack(len(data)) + data
        while data:
            data = data[os.write(self.fd, data):]


def _child(fd: int, impl: Path, modules: list[str], call_timeout: float) -> None:
    """Grade `modules` as grader check does, sending what happens on `fd`; never returns."""
    code = 1
    channel = _Channel(fd)
    try:
        os.setpgid(0, 0)  # its own process group: Ctrl-C reaches the parent only, which ends this one
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDWR)
        for standard in (0, 1, 2):  # the terminal is the parent's; pytest's output comes back in "done"
            os.dup2(null, standard)
        from ._run import run_tests

        records, output = run_tests(impl, modules, call_timeout=call_timeout, plugins=[_Stream(channel)])
        channel.send(("done", records, output[-5000:]))
        code = 0
    except BaseException:  # the kit's own failure: say it, and let the parent go on watching
        try:
            channel.send(("failed", traceback.format_exc()[-5000:]))
        except OSError:
            pass
    finally:
        os._exit(code)


# --- the parent's view of a child -----------------------------------------------------------------------

@dataclass
class _Run:
    pid: int
    fd: int
    modules: list[str]
    started: float = field(default_factory=time.perf_counter)
    tests: list[tuple] = field(default_factory=list)  # (nodeid, assignment, exercise, points, title), as collected
    current: str | None = None  # the test running
    records: list[TestRecord] = field(default_factory=list)
    final: list[TestRecord] | None = None  # all records, diagnosis included, once the child is done
    output: str = ""
    failure: str | None = None  # the kit's own failure in the child, as a traceback
    ending: str | None = None  # how the child ended, once it has
    late: list = field(default_factory=list)  # the messages read after it ended
    buffer: bytes = b""

    def receive(self) -> list:
        """The messages that arrived (and note what they say)."""
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            if not chunk:  # the end: the child closed its end (it ended)
                break
            self.buffer += chunk
        messages = []
        while len(self.buffer) >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(self.buffer)
            if len(self.buffer) < _LENGTH.size + size:
                break
            messages.append(pickle.loads(self.buffer[_LENGTH.size:_LENGTH.size + size]))
            self.buffer = self.buffer[_LENGTH.size + size:]
        for message in messages:
            kind = message[0]
            if kind == "collected":
                self.tests = message[1]
            elif kind == "started":
                self.current = message[1]
            elif kind == "records":
                self.records += message[1]
            elif kind == "done":
                self.final, self.output = message[1], message[2]
            elif kind == "failed":
                self.failure = message[1]
        return messages

    def ended(self) -> bool:
        """Whether the child has ended (then reaped, its pipe read to the end and closed)."""
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self._close(status)
        return True

    def stop(self) -> None:
        """End the child and whatever it started (its process group), and reap it."""
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        _, status = os.waitpid(self.pid, 0)
        self._close(status)

    def _close(self, status: int) -> None:
        self.late = self.receive()  # what it wrote before it ended
        os.close(self.fd)
        if os.WIFSIGNALED(status):
            self.ending = f"killed by signal {signal.Signals(os.WTERMSIG(status)).name}"
        else:
            self.ending = f"exit status {os.WEXITSTATUS(status)}"

    def all_records(self) -> list[TestRecord]:
        """The run's records; when the child died, its tests that did not end are errors saying so."""
        if self.final is not None:
            return self.final
        ended = {r.nodeid for r in self.records}
        records = list(self.records)
        during = self.current.split("::")[-1] if self.current else "the start"
        for nodeid, assignment, exercise, points, title in self.tests:
            if nodeid in ended:
                continue
            message = (f"the process running your code ended ({self.ending}) during this test"
                       if nodeid == self.current else
                       f"not run: the process running your code ended ({self.ending}) during {during}")
            records.append(TestRecord(nodeid, assignment, exercise, points, "error", title=title, message=message,
                                      hint=HINTS["crashed"]))
        return records


def _start(impl: Path, modules: list[str], call_timeout: float, out) -> _Run:
    read, write = os.pipe()
    out.flush()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        _child(write, impl, modules, call_timeout)
    os.close(write)
    os.set_blocking(read, False)
    try:
        os.setpgid(pid, pid)  # as the child does: whichever runs first, the group exists before it is killed
    except (ProcessLookupError, PermissionError):
        pass
    return _Run(pid, read, list(modules))


def _merge(results: dict, run: _Run) -> list:
    """Put the run's results in `results`; return what changed: (key, before, after) with None for "not there"."""
    from ._report import score

    changes = []
    new = {(r.assignment, r.exercise): r for r in score(run.all_records(), run.modules)} \
        if run.failure is None else {}
    for key in [k for k in results if k[0] in run.modules and run.failure is None]:
        if key not in new:
            changes.append((key, results.pop(key), None))
    for key, result in new.items():
        before = results.get(key)
        if before is None or _brief(before) != _brief(result):
            changes.append((key, before, result))
        results[key] = result
    return changes


# --- the files ------------------------------------------------------------------------------------------

class _Files:
    """The `*.py` of the implementation folder, as last seen."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.seen = self._look()

    def _look(self) -> dict[str, tuple]:
        seen = {}
        for path in self.folder.glob("*.py"):
            try:
                stat = path.stat()
            except OSError:  # removed while we looked
                continue
            seen[path.stem] = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        return seen

    def changed(self) -> list[str]:
        """The modules saved (or created, or removed) since the last call, once their files stop changing."""
        now = self._look()
        if now == self.seen:
            return []
        for _ in range(20):
            time.sleep(SETTLE_SECONDS)
            again = self._look()
            if again == now:
                break
            now = again
        changed = sorted(name for name in now.keys() | self.seen.keys() if now.get(name) != self.seen.get(name))
        self.seen = now
        return changed

    def names(self, modules: list[str]) -> str:
        return ", ".join(f"{m}.py" for m in modules)


def affected_assignments(folder: Path, changed: list[str], watched: list[str]) -> list[str]:
    """The watched assignments whose file is among `changed`, or imports one of them (`from .data import ...`)."""
    imports = {}
    for path in folder.glob("*.py"):
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError, OSError):
            imports[path.stem] = set()
            continue
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                names |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        imports[path.stem] = names
    hit = set(changed)
    grew = True
    while grew:  # what imports what imports a changed file
        more = {name for name, uses in imports.items() if uses & hit} - hit
        hit |= more
        grew = bool(more)
    return [m for m in watched if m in hit]


# --- what the student sees ------------------------------------------------------------------------------

class _Screen:
    def __init__(self, out, impl: Path):
        self.out, self.impl = out, impl
        self.terminal = hasattr(out, "isatty") and out.isatty()
        self.width = shutil.get_terminal_size((100, 24)).columns if self.terminal else 100
        self.runs = 0

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def started(self, run: _Run, saved: list[str]) -> None:
        self.runs += 1
        names = ", ".join(f"{BY_MODULE[m].number} {m}" for m in run.modules)
        if self.terminal:
            self.out.write(CLEAR)
        else:
            self.line("=" * 40)
        clock = time.strftime("%H:%M:%S")
        why = f"{', '.join(f'{s}.py' for s in saved)} saved" if saved else "first grading"
        self.line(f"grader watch: {clock} {why}: grading {names} in {self.impl} (as grader check does)")

    def finished(self, run: _Run, changes: list, results: dict, watched: list[str]) -> None:
        from ._report import render_scoreboard

        seconds = time.perf_counter() - run.started
        if run.failure is not None:
            self.line(f"\nThe kit itself failed ({run.ending}); its traceback follows:\n{run.failure}")
            return
        order = [(a.module, e) for a in ASSIGNMENTS if a.module in watched for e in a.exercises]
        shown = [results[key] for key in order if key in results]
        self.line()
        self.out.write(render_scoreboard(shown))
        if run.final is None:
            self.line(f"\nThe process grading {', '.join(run.modules)} ended ({run.ending}) before its tests did: "
                      f"{HINTS['crashed']}")
        if any(r.status == "kit_error" for r in shown):
            self.line("\nThe kit itself failed; pytest's output follows:\n" + run.output)
        if self.runs > 1:
            self.line("\nchanged since the last run:" if changes else "\nno change since the last run")
            for (assignment, exercise), before, after in changes:
                self.line(f"  {BY_MODULE[assignment].number} {assignment}.{exercise}: "
                          f"{_brief(before)} -> {_brief(after)}")
        self.line(f"\ngraded in {seconds:.1f} s")

    def prompt(self, files: str) -> None:
        self.line(f"watching {self.impl} for saves of {files}; Ctrl-C to stop")


def _brief(result) -> str:
    if result is None:
        return "not graded"
    return f"{CHECK_LABELS[result.status]} {result.score}/{result.max_score}"
