"""The sandbox itself: bubblewrap's command, its uid, its rlimits, and the private copy of the submission.

- an unprivileged uid per trusted worker process (setpriv drops root first, so
  RLIMIT_NPROC holds), claimed with a lock so that no other grader on this
  machine shares it: one student's process flood cannot starve another's;
- user, pid, network, ipc, uts and mount namespaces; a read-only view of /usr,
  the interpreter and its packages, the grader package and tests/probes only
  (no tests, no solutions, no output folder), with the data files where answers
  lie hidden (a probe module's HIDDEN_FROM_THE_SANDBOX); a private read-only copy
  of the submission; a small tmpfs for /tmp; a clean environment; `python -I -B`;
- rlimits on address space, CPU time, file size, open files and processes.

Without bubblewrap, `mode="process"` keeps the separate process, rlimits, clean
environment and the copy of the submission, but not the namespaces; the
autograder says so loudly.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import importlib.util
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .._outcome import ModuleBroken

MIRRORS = Path(os.environ.get("GRADER_RUNTIME_CACHE", "/var/cache/foundations-kit/runtime"))
MAX_FILE = 2 * 2**20          # bytes per submitted file copied into the sandbox
MAX_FILES = 64                # files per submission
# Sandbox uids: RLIMIT_NPROC counts per uid, so each worker needs one of its own. An instructor whose
# machine already uses these uids can move the range ("FIRST-LAST").
UIDS = os.environ.get("GRADER_SANDBOX_UIDS", "60001-60999")
SUBMISSION = "/submission"    # where the sandbox sees its copy of the submission
HIDDEN = "HIDDEN_FROM_THE_SANDBOX"  # what a probe module names to declare the folders the sandbox must not show
_claimed_uid: tuple[int, object] | None = None


def torch_footprint() -> int:
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
    address_space: int = field(default_factory=lambda: torch_footprint() + 2 * 2**30)
    cpu_seconds: int = 600           # CPU time of one sandbox, all calls together
    file_size: int = 16 * 2**20      # bytes per file written
    open_files: int = 256
    processes: int = 64              # processes and threads of the sandbox's uid
    tmp_size: int = 64 * 2**20       # bytes of the sandbox's /tmp


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


# --- what the sandbox may see ---------------------------------------------------------------------------

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


def mirror(path: Path) -> Path:
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


@functools.cache
def hidden_paths(kit: Path) -> tuple[Path, ...]:
    """The folders the sandbox shows empty: what the probe modules declare in HIDDEN_FROM_THE_SANDBOX.

    Each is (top-level package, folder inside it), found where this interpreter
    imports the package from (without importing it); where the capstone's answers
    lie. The declarations are read as literals from the probes' source.
    """
    found = []
    for path in sorted((kit / "tests" / "probes").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [HIDDEN]:
                for package, folder in ast.literal_eval(node.value):
                    spec = importlib.util.find_spec(package)
                    for root in (spec.submodule_search_locations or []) if spec else []:
                        if (Path(root) / folder).is_dir():
                            found.append((Path(root) / folder).resolve())
    return tuple(found)


def _bind_source(path: Path) -> Path:
    """What to bind for `path`: itself, or (as root, dropping to another uid) a copy that uid can read."""
    if os.getuid() != 0 or _readable_by_others(path):
        return path
    return mirror(path)


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


def pack_submission(source: Path, modules: list[str]) -> list[tuple[str, str, bytes | int | None]]:
    """What the grader reads of a submission folder, as values that can travel to another machine.

    That is the files copy_submission copies and, whatever they are, the graded modules' files that
    read_source opens: [(name, kind, payload)] with kind "file" (its bytes), "large" (its size), "link"
    or "other" (not a plain file). unpack_submission rebuilds a folder both read exactly as this one.
    """
    wanted = {f"{module}.py" for module in modules}
    try:
        entries = sorted(os.scandir(source), key=lambda e: e.name)
    except OSError:
        return []  # read as an empty folder: no module, nothing copied
    packed, copied = [], 0
    for entry in entries:
        module = entry.name in wanted
        if entry.is_symlink():
            if module:
                packed.append((entry.name, "link", None))
        elif not entry.is_file(follow_symlinks=False):
            if module:
                packed.append((entry.name, "other", None))
        elif (size := entry.stat(follow_symlinks=False).st_size) > MAX_FILE:
            if module:
                packed.append((entry.name, "large", size))
        elif copied < MAX_FILES or module:
            with open(entry.path, "rb") as handle:
                content = handle.read(MAX_FILE + 1)  # bounded, even if it grew since the stat
            fits = len(content) <= MAX_FILE
            packed.append((entry.name, "file", content) if fits else (entry.name, "large", len(content)))
            copied += copied < MAX_FILES
    return packed


def unpack_submission(packed: list[tuple[str, str, bytes | int | None]], folder: Path) -> None:
    """Rebuild, in the empty `folder`, a submission that pack_submission packed."""
    for name, kind, payload in packed:
        if not name or name in (".", "..") or "/" in name or "\0" in name:
            raise ValueError(f"not a file name: {name!r}")
        path = folder / name
        if kind == "file":
            path.write_bytes(payload)
        elif kind == "large":
            with open(path, "wb") as handle:
                handle.truncate(int(payload))  # sparse: only its size is ever read
        elif kind == "link":
            os.symlink("a link in the submission", path)  # never followed: read as "not a plain file"
        elif kind == "other":
            path.mkdir()
        else:
            raise ValueError(f"unknown kind of entry: {kind!r}")


# --- the command ----------------------------------------------------------------------------------------

def environment() -> dict:
    """The sandbox's whole environment: nothing of the grader's own is passed on."""
    return {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}


def rlimits(limits: Limits, mode: str):
    """A function for Popen's preexec_fn: the rlimits the sandbox inherits (set between fork and exec)."""
    def apply() -> None:
        for name, value in ((resource.RLIMIT_AS, limits.address_space), (resource.RLIMIT_CPU, limits.cpu_seconds),
                            (resource.RLIMIT_FSIZE, limits.file_size), (resource.RLIMIT_NOFILE, limits.open_files),
                            (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(name, (value, value))
        if mode == "bwrap" or os.getuid() != 0:
            resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
    return apply


def command(mode: str, uid: int, limits: Limits, kit: Path, scratch: Path) -> list[str]:
    """The command that starts the fork server (child.py) on the copy in `scratch`, confined as `mode` says."""
    python = Path(sys.executable)
    # -B: no .pyc written into the kit (as root it could), whose files the judge fingerprints.
    child = [str(python), "-I", "-B", str(kit / "grader" / "_student_code" / "child.py")]
    if mode != "bwrap":
        return [*child, str(kit), str(scratch)]
    child.append("--own-pid-namespace")  # the child may then end every other process in it (child.py)
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
        binds += ["--ro-bind", str(_bind_source(kit / part)), str(kit / part)]
    for hidden in hidden_paths(kit):  # after the binds that hold them: an empty, read-only folder on top
        binds += ["--tmpfs", str(hidden), "--remount-ro", str(hidden)]
    binds += ["--ro-bind", str(scratch), SUBMISSION]
    # As root, drop to an unprivileged uid first: under a root-started bwrap RLIMIT_NPROC is not enforced.
    drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all"] \
        if os.getuid() == 0 else []
    # The tmpfs first: a kit or interpreter that lives under /tmp is bound on top of it, not hidden by it.
    return [*drop, "bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--size", str(limits.tmp_size), "--tmpfs", "/tmp",
            *binds, "--proc", "/proc", "--dev", "/dev", "--chdir", "/tmp", "--clearenv",
            *[arg for key, value in environment().items() for arg in ("--setenv", key, value)],
            "--", *child, str(kit), SUBMISSION]


# --- processes ------------------------------------------------------------------------------------------

def become_subreaper() -> None:
    """Adopt the sandbox's orphans (so they can be reaped here, not left as zombies under init)."""
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def die_with_parent() -> None:
    """Have the kernel kill this process when the thread that started it ends (its process dying included)."""
    if sys.platform == "linux":
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG


def reap_orphans() -> None:
    """Collect every exited child that nobody waits for (the sandbox's inner processes)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def children_alive() -> bool:
    """Whether this process still has children (adopted sandbox processes included)."""
    try:
        return bool(Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split())
    except OSError:
        return False


def describe_exit(code) -> str:
    """`killed by SIGKILL` or `exit code 3`, for a process's exit code as subprocess gives it."""
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
