"""Run a command and measure its wall time and the peak memory of its whole process tree.

Memory is the sum of the proportional set size (Pss, from /proc/<pid>/smaps_rollup) of the
command and every process below it, sandboxed ones included: pages shared between processes
(torch's libraries, mapped by every worker) are counted once in all, not once per process.
Sampled every 0.1 s, so a spike shorter than that can be missed.
"""
from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def tree_memory(root: int) -> int:
    """Bytes of Pss of `root` and all its descendants now."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo.extend(tree.get(pid, []))
    return total


def run_measured(command: list[str], cwd, env) -> tuple[float, int, subprocess.CompletedProcess]:
    """(wall seconds, peak bytes of the process tree, the finished process) for `command`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_memory(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    return seconds, peak[0], subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
