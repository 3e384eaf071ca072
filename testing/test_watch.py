"""`grader watch` end to end, in a subprocess, as a student runs it; and its notebook form (grader.notebook.watch).

Each test starts `grader watch matmul` on a copy of a student folder, saves new
versions of matmul.py and reads what watch prints, up to its prompt ("watching
..."), which ends every grading. No timing is asserted (benchmarks/loop.py
measures the latency).
"""
from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from grader._watch import RESULT_LINE

ROOT = Path(__file__).resolve().parent.parent
MISTAKE = ROOT / "catalogue" / "matmul" / "result_always_float32.py"  # matmul_elementwise fails, diagnosed


def _as_in_the_background() -> None:
    """Start watch with SIGINT ignored, as a shell without job control starts `cmd &` (CI's lanes do):
    Ctrl-C must end it all the same, so watch cannot rely on the disposition it inherits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Watch:
    """`grader watch matmul --impl FOLDER` running, its output read line by line as it comes."""

    def __init__(self, folder: Path, *options: str, command: list[str] | None = None, env: dict | None = None):
        self.folder = folder
        command = command or [sys.executable, "-m", "grader"]
        self.process = subprocess.Popen([*command, "watch", "matmul", "--impl", str(folder), *options], cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, **(env or {})}, preexec_fn=_as_in_the_background)
        self.lines: queue.Queue = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def until(self, start: str, timeout: float = 120) -> str:
        """What watch printed up to and including the first line beginning with `start`."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line starting {start!r} in time; got:\n{''.join(seen)}") from None
            if line is None:
                raise AssertionError(f"watch ended (exit {self.process.wait()}) before {start!r}:\n{''.join(seen)}")
            seen.append(line)
            self.output.append(line)
            if line.startswith(start):
                return "".join(seen)

    def save(self, text: str) -> None:
        time.sleep(0.05)  # a later modification time than the last save's, however coarse the file system's clock
        (self.folder / "matmul.py").write_text(text)

    def interrupt(self) -> int:
        """Ctrl-C: what watch exits with."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=30)
        self.until("grader watch: stopped")
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def watching():
    started = []

    def start(folder: Path, *options: str, **kwargs) -> Watch:
        started.append(Watch(folder, *options, **kwargs))
        return started[-1]

    yield start
    for watch in started:
        watch.kill()


def folder_of(tmp_path: Path, source: Path, matmul: str | None = None) -> Path:
    folder = tmp_path / "student"
    folder.mkdir()
    for path in source.glob("*.py"):
        shutil.copy(path, folder / path.name)
    if matmul is not None:
        (folder / "matmul.py").write_text(matmul)
    return folder


def scoreboard(output: str) -> str:
    """The scoreboard and its problems, as grader check prints them, from one grading's output of watch."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("assignment  exercise"))
    end = next(i for i, line in enumerate(lines) if line.startswith(("changed since", "no change", "graded in")))
    return "\n".join(lines[start:end]).strip()


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_watch_shows_what_grader_check_shows_and_what_changed(tmp_path, watching):
    mistake = (ROOT / "solutions" / "matmul.py").read_text() + "\n" + MISTAKE.read_text()
    folder = folder_of(tmp_path, ROOT / "solutions", mistake)
    run = subprocess.run([sys.executable, "-m", "grader", "check", "matmul", "--impl", str(folder)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 1, run.stdout + run.stderr

    watch = watching(folder)
    first = watch.until("watching")
    assert scoreboard(first) == run.stdout.split("\n", 2)[2].strip()  # check's, without its "grader check:" line
    assert "known mistake: result made with torch.zeros(n, p)" in first

    watch.save((ROOT / "assignments" / "matmul.py").read_text())  # the stubs: every exercise not attempted
    second = watch.until("watching")
    assert "matmul.py saved" in second and any(RESULT_LINE.match(line) for line in second.splitlines())
    assert "01 matmul.matmul_elementwise: failed 8/9 -> not attempted 0/9" in second
    assert "01 matmul.matmul: passed 9/9 -> not attempted 0/9" in second
    assert watch.interrupt() == 0


def test_a_broken_file_is_reported_and_watch_goes_on(tmp_path, watching):
    stub = (ROOT / "assignments" / "matmul.py").read_text()
    watch = watching(folder_of(tmp_path, ROOT / "assignments"), "--timeout", "5")
    assert watch.until("watching").count("not attempted") >= 4

    watch.save("def matmul(a, b)\n    return a\n")
    broken = watch.until("watching")
    assert "matmul.py line 1: not valid Python (SyntaxError" in broken
    assert "01 matmul.matmul: not attempted 0/9 -> error 0/9" in broken

    watch.save("import os\nos._exit(3)\n")
    ended = watch.until("watching")
    assert "the process running your code ended (exit status 3) during this test" in ended
    assert "not run: the process running your code ended (exit status 3)" in ended

    watch.save(stub)
    assert "01 matmul.matmul_einsum: error 0/9 -> not attempted 0/9" in watch.until("watching")
    assert watch.interrupt() == 0


def test_ctrl_c_ends_watch_and_the_grading_in_progress(tmp_path, watching):
    watch = watching(folder_of(tmp_path, ROOT / "assignments"), "--timeout", "60")
    watch.until("watching")
    watch.save("while True:\n    pass\n")  # importing it never ends (for 60 s)
    watch.until("grader watch:")  # the new grading's first line: its child is running
    deadline = time.monotonic() + 30
    while not children(watch.process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    grading = children(watch.process.pid)
    assert grading, "no child grading the save"
    assert watch.interrupt() == 0
    assert not [pid for pid in grading if Path(f"/proc/{pid}").exists()]  # ended and reaped: no zombie


def test_the_notebook_form_checks_each_exercise_a_cell_redefines(tmp_path):
    """grader.notebook.watch in an IPython shell: a cell that redefines matmul_einsum has it checked at once."""
    pytest.importorskip("IPython")
    script = tmp_path / "notebook.py"
    script.write_text(textwrap.dedent("""
        import ast
        from pathlib import Path

        from IPython.core.interactiveshell import InteractiveShell

        from grader.notebook import watch

        source = Path("solutions/matmul.py").read_text()
        definitions = {node.name: ast.get_source_segment(source, node) for node in ast.parse(source).body
                       if isinstance(node, ast.FunctionDef)}
        shell = InteractiveShell.instance()
        shell.run_cell("import torch\\n" + definitions["_check_shapes"])
        watching = watch("matmul", shell=shell)
        cells = {"wrong": "def matmul_einsum(a, b):\\n    return torch.einsum('ik,kj->ij', a, b) + 1\\n",
                 "other": "x = 1", "right": definitions["matmul_einsum"]}
        for name in ("wrong", "other", "right"):
            print(f"--- cell {name}", flush=True)
            shell.run_cell(cells[name])
        watching.stop()
        print("--- cell wrong, stopped", flush=True)
        shell.run_cell(cells["wrong"])
        print("--- end", flush=True)
    """))
    run = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    cells = dict(part.split("\n", 1) for part in run.stdout.split("--- cell ")[1:])
    assert "01 matmul   matmul_einsum  failed" in cells["wrong"] and "expected 0, actual 1" in cells["wrong"]
    assert cells["other"].strip() == ""  # nothing redefined: nothing checked
    assert "01 matmul   matmul_einsum  passed      9/9" in cells["right"]
    assert "matmul.matmul_einsum: failed 3/9 -> passed 9/9" in cells["right"]
    assert cells["wrong, stopped"].strip() == "--- end"
