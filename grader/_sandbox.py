"""Running student code in a sandbox, for the autograder.

`SandboxImplementation` has the interface of `LocalImplementation` (`run`,
`source`, `close`), so the same tests judge in this trusted process while
probes run in a child process confined by bubblewrap:

- an unprivileged uid (setpriv drops root first, so RLIMIT_NPROC holds), one
  uid per worker process, claimed with a lock so that no other grader on this
  machine shares it: one student's process flood cannot starve another's;
- user, pid, network, ipc, uts and mount namespaces; a read-only view of /usr,
  the interpreter and its packages, the grader package and tests/probes only
  (no tests, no solutions, no output folder); a private read-only copy of the
  submission; a small tmpfs for /tmp; a clean environment; `python -I`;
- rlimits on address space, CPU time, file size, open files and processes;
- a wall-clock limit per call, enforced from outside by killing the sandbox,
  which takes every process inside it along (pid namespace, --die-with-parent).

Without bubblewrap, `mode="process"` keeps the separate process, rlimits, clean
environment and the copy of the submission, but not the namespaces; the
autograder says so loudly.
"""
from __future__ import annotations

import hashlib
import os
import resource
import select
import shutil
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ._impl import Crashed, ModuleBroken, NotAttempted, Raised, StudentError, TimedOut
from ._plain import from_plain, to_plain
from ._protocol import ProtocolError, read_message, write_message

MIRRORS = Path(os.environ.get("GRADER_RUNTIME_CACHE", "/var/cache/foundations-kit/runtime"))
MAX_FILE = 2 * 2**20          # bytes per submitted file copied into the sandbox
MAX_FILES = 64                # files per submission
STARTUP_SECONDS = 120.0       # importing torch in the child, on a busy machine
MAX_RESTARTS = 40             # sandboxes started per student before every call is refused
# Sandbox uids: RLIMIT_NPROC counts per uid, so each worker needs one of its own. An instructor whose
# machine already uses these uids can move the range ("FIRST-LAST").
UIDS = os.environ.get("GRADER_SANDBOX_UIDS", "60001-60999")
_claimed_uid: tuple[int, object] | None = None


def _torch_footprint() -> int:
    """This process's peak virtual memory (it has imported torch, as the sandboxed child will)."""
    import torch  # noqa: F401  (make sure the measurement includes it)

    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmPeak:")[1].split()[0]) * 1024
    except (OSError, IndexError, ValueError):
        return 4 * 2**30


@dataclass
class Limits:
    # Bytes of virtual memory per process: what importing torch takes here (about 1 GiB for the CPU
    # build, over 3 GiB for a CUDA build, whose libraries are mapped even on a CPU) plus 2 GiB to work in.
    address_space: int = field(default_factory=lambda: _torch_footprint() + 2 * 2**30)
    cpu_seconds: int = 600           # CPU time of one sandbox, all calls together
    file_size: int = 16 * 2**20      # bytes per file written
    open_files: int = 256
    processes: int = 64              # processes and threads of the sandbox's uid
    tmp_size: int = 64 * 2**20       # bytes of the sandbox's /tmp


@dataclass
class SandboxConfig:
    mode: str = "bwrap"              # "bwrap" or "process"
    uid: int = 60_001                # unprivileged uid of this worker (claim_uid)
    call_timeout: float = 20.0       # wall-clock seconds per probe call
    # Wall-clock seconds of calls in all, per exercise and per submission: code that answers each call just
    # under call_timeout must not hold a worker for hours. A call that asks for a longer time (training)
    # adds what it asks to its exercise's budget.
    exercise_budget: float = 120.0
    student_budget: float = 600.0
    limits: Limits = field(default_factory=Limits)


def become_subreaper() -> None:
    """Adopt the sandbox's orphans (so they can be reaped here, not left as zombies under init)."""
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def reap_orphans() -> None:
    """Collect every exited child that nobody waits for (the sandbox's inner processes)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def claim_uid() -> int:
    """An unprivileged uid that no other grader process on this machine holds, kept until this process exits.

    The claim is an exclusive lock on a file per uid, so the kernel releases it when the process
    dies, however it dies; concurrent `grader autograde` runs never share a uid.
    """
    import fcntl

    global _claimed_uid
    if _claimed_uid is not None:
        return _claimed_uid[0]
    first, last = (int(part) for part in UIDS.split("-"))
    if os.getuid() != 0:
        return first  # not root: there is no uid to drop to, the sandbox runs as this user
    folder = MIRRORS.parent / "uids"
    folder.mkdir(parents=True, exist_ok=True)
    for uid in range(first, last + 1):
        handle = open(folder / f"{uid}.lock", "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        _claimed_uid = (uid, handle)
        return uid
    raise RuntimeError(f"every sandbox uid in {UIDS} is in use by another grader process")


def bwrap_available() -> bool:
    return shutil.which("bwrap") is not None and (os.getuid() != 0 or shutil.which("setpriv") is not None)


def _readable_by_others(path: Path) -> bool:
    """Whether a user with no special rights can reach and read `path`."""
    try:
        for folder in [*reversed(path.parents)]:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return False
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IROTH) and (not stat.S_ISDIR(mode) or bool(mode & stat.S_IXOTH))


def _mirror(path: Path) -> Path:
    """A copy of `path`, a folder or a file, that others can read (hard links where possible), made once and reused.

    The copy lies in a folder named after the path and the modification times of
    the path and its site-packages, so installing a package makes a fresh copy; a
    lock keeps parallel workers from building the same copy twice.
    """
    import fcntl
    import tempfile

    # "copy in a folder": the layout, so that copies made as the folder itself are not taken for these.
    stamp = ["copy in a folder", str(path)]
    stamp += [str(p.stat().st_mtime_ns) for p in (path, *sorted(path.glob("lib/python*/site-packages")))]
    target = MIRRORS / hashlib.sha256("\0".join(stamp).encode()).hexdigest()[:16]
    copy = target / path.name
    if (target / ".complete").exists():
        return copy
    MIRRORS.mkdir(parents=True, exist_ok=True)
    for folder in [MIRRORS, *MIRRORS.parents]:
        if folder != Path("/"):
            os.chmod(folder, os.stat(folder).st_mode | stat.S_IXOTH | stat.S_IROTH)
    with open(MIRRORS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / ".complete").exists():
            return copy
        _forget_mirrors_of_deleted_paths()
        partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=MIRRORS))
        os.chmod(partial, 0o755)
        (partial / ".source").write_text(str(path))
        if subprocess.run(["cp", "-al", str(path), str(partial / path.name)], capture_output=True).returncode != 0:
            shutil.rmtree(partial / path.name, ignore_errors=True)
            if path.is_dir():
                shutil.copytree(path, partial / path.name, symlinks=True)
            else:
                shutil.copy2(path, partial / path.name)
        (partial / ".complete").touch()
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return copy


def _forget_mirrors_of_deleted_paths() -> None:
    """Remove the copies of folders that no longer exist (a CI clone's .venv and tox environments, 6 GB each).

    Only those: a copy of a path that still exists may be in use by another grader.
    Called with the mirrors' lock held.
    """
    for copy in MIRRORS.iterdir():
        source = copy / ".source"
        if copy.is_dir() and source.is_file() and not Path(source.read_text()).exists():
            shutil.rmtree(copy, ignore_errors=True)


def _bind_source(path: Path) -> Path:
    """What to bind for `path`: itself, or (as root, dropping to another uid) a copy that uid can read."""
    if os.getuid() != 0 or _readable_by_others(path):
        return path
    return _mirror(path)


def copy_submission(source: Path, scratch: Path) -> list[str]:
    """Copy the submission's plain files into `scratch`; return what was left out and why."""
    scratch.mkdir(parents=True, exist_ok=True)
    os.chmod(scratch, 0o755)
    skipped = []
    try:
        entries = sorted(os.scandir(source), key=lambda e: e.name)
    except OSError as exc:
        return [f"cannot list the folder: {exc}"]
    copied = 0
    for entry in entries:
        if entry.is_symlink():
            skipped.append(f"{entry.name}: a symbolic link")
        elif not entry.is_file(follow_symlinks=False):
            continue
        elif entry.stat(follow_symlinks=False).st_size > MAX_FILE:
            skipped.append(f"{entry.name}: larger than {MAX_FILE // 2**20} MiB")
        elif copied >= MAX_FILES:
            skipped.append(f"{entry.name}: more than {MAX_FILES} files")
        else:
            target = scratch / entry.name
            with open(entry.path, "rb") as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
            os.chmod(target, 0o644)
            copied += 1
    return skipped


def read_source(root: Path, module: str) -> str:
    """The text of `<module>.py`, refusing links, huge files and non-text (ModuleBroken)."""
    path = root / f"{module}.py"
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ModuleBroken(f"{module}.py is not a plain file", "invalid")
        if info.st_size > MAX_FILE:
            raise ModuleBroken(f"{module}.py is larger than {MAX_FILE // 2**20} MiB", "invalid")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModuleBroken(f"there is no {module}.py", "invalid") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModuleBroken(f"cannot read {module}.py: {exc}", "invalid") from None


class SandboxImplementation:
    """A submission whose code runs only inside a sandboxed fork server (see `_child`).

    Args:
        root: the submission folder as the instructor has it (read here only as text).
        scratch: an empty folder for the private copy the sandbox sees.
        config: sandbox mode, uid, limits and the per-call timeout.
    """

    def __init__(self, root: Path, scratch: Path, config: SandboxConfig):
        self.root, self.scratch, self.config = Path(root), Path(scratch), config
        self.call_timeout = config.call_timeout
        self.skipped = copy_submission(self.root, self.scratch)
        self.kit = Path(__file__).resolve().parent.parent
        self.process: subprocess.Popen | None = None
        self.worker: tuple | None = None    # (module, exercise) the forked worker serves
        self.exercise: str | None = None    # set by the plugin before each test
        self.doomed: dict[tuple, BaseException] = {}  # exercises that timed out or crashed: not retried
        self.broken: dict[str, tuple[str, str]] = {}
        self.not_attempted: dict[str, str] = {}
        self.restarts = 0
        self.spent: dict[tuple, float] = {}     # seconds of calls per exercise
        self.granted: dict[tuple, float] = {}   # seconds added to an exercise's budget by long calls

    # --- the same interface as LocalImplementation ---------------------------------------------

    def source(self, module: str) -> str:
        return read_source(self.root, module)

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
        except TimedOut as exc:
            self.doomed[key] = TimedOut(budget) if budget else exc
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
        if status == "ok":
            return from_plain(reply.get("value"))
        if status == "raised" and expect_error:
            kinds = reply.get("kinds")
            return Raised(str(reply.get("type")), str(reply.get("message")),
                          tuple(str(k) for k in kinds) if isinstance(kinds, list) else ())
        if status == "not_attempted":
            raise NotAttempted(str(reply.get("message")))
        if status == "broken":
            raise ModuleBroken(str(reply.get("message")), "invalid" if reply.get("kind") == "invalid" else "error")
        if status == "exited":
            self.worker = None
            raise Crashed(f"your code ended the process running it ({_describe_exit(reply.get('code'))})")
        if status == "error":
            raise StudentError(str(reply.get("message")))
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
                write_message(self.stdin, {"op": "fork", "module": module})
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
        if status == "ready":
            self.worker = key
            return
        if status == "not_attempted":
            self.not_attempted[module] = str(reply.get("message"))
        elif status == "broken":
            self.broken[module] = (str(reply.get("message")), "invalid" if reply.get("kind") == "invalid" else "error")
        elif status == "exited":
            self.broken[module] = (f"importing {module}.py ended the process ({_describe_exit(reply.get('code'))})",
                                   "error")
        else:
            self.broken[module] = (f"importing {module}.py gave an unexpected answer", "error")
        if status in ("not_attempted", "broken"):
            self.worker = key  # the worker is alive and waiting: end it properly
            self._end_worker()
        elif status != "exited":
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
                if isinstance(reply, dict) and reply.get("status") == "exited":
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
        become_subreaper()
        command = self._command()
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=self._environment(), preexec_fn=self._limit, start_new_session=True, close_fds=True)
        self.stdin, self.stdout = self.process.stdin.fileno(), self.process.stdout.fileno()
        hello = self._read("", STARTUP_SECONDS)
        if not isinstance(hello, dict) or hello.get("status") != "hello":
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
            reap_orphans()
            if not _children_alive():
                break
            time.sleep(0.01)

    def _environment(self) -> dict:
        return {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
                "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}

    def _limit(self) -> None:
        """Runs in the child between fork and exec: rlimits that the sandbox inherits."""
        limits = self.config.limits
        for name, value in ((resource.RLIMIT_AS, limits.address_space), (resource.RLIMIT_CPU, limits.cpu_seconds),
                            (resource.RLIMIT_FSIZE, limits.file_size), (resource.RLIMIT_NOFILE, limits.open_files),
                            (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(name, (value, value))
        if self.config.mode == "bwrap" or os.getuid() != 0:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))

    def _command(self) -> list[str]:
        python = Path(sys.executable)
        # -B: no .pyc written into the kit (as root it could), whose files the judge fingerprints.
        child = [str(python), "-I", "-B", str(self.kit / "grader" / "_child.py")]
        if self.config.mode != "bwrap":
            return [*child, str(self.kit), str(self.scratch)]
        child.append("--own-pid-namespace")  # the child may then end every other process in it (_child)
        submission = "/submission"
        binds = ["--ro-bind", "/usr", "/usr"]
        for name in ("bin", "lib", "lib64", "sbin"):
            link = Path("/") / name
            if link.is_symlink():
                binds += ["--symlink", os.readlink(link), str(link)]
            elif link.exists():
                binds += ["--ro-bind", str(link), str(link)]
        for etc in ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime"):
            if os.path.exists(etc):
                binds += ["--ro-bind", etc, etc]
        runtime = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), python.resolve().parent.parent}
        for path in sorted(runtime):
            binds += ["--ro-bind", str(_bind_source(path)), str(path)]
        for part in ("grader", "tests/probes", "tests/__init__.py"):
            binds += ["--ro-bind", str(_bind_source(self.kit / part)), str(self.kit / part)]
        binds += ["--ro-bind", str(self.scratch), submission]
        uid = str(self.config.uid)
        # As root, drop to an unprivileged uid first: under a root-started bwrap RLIMIT_NPROC is not enforced.
        drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all"] \
            if os.getuid() == 0 else []
        # The tmpfs first: a kit or interpreter that lives under /tmp is bound on top of it, not hidden by it.
        return [*drop, "bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--size", str(self.config.limits.tmp_size), "--tmpfs", "/tmp",
                *binds, "--proc", "/proc", "--dev", "/dev", "--chdir", "/tmp", "--clearenv",
                *[arg for key, value in self._environment().items() for arg in ("--setenv", key, value)],
                "--", *child, str(self.kit), submission]


def _children_alive() -> bool:
    """Whether this process still has children (adopted sandbox processes included)."""
    try:
        return bool(Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split())
    except OSError:
        return False


def _describe_exit(code) -> str:
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
