"""Run the kit's tests in this process against one implementation and collect the records."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from ._course import BY_MODULE
from ._paths import kit_root
from ._plugin import RECORDS, TestRecord


class _Collector:
    def __init__(self):
        self.records: list[TestRecord] = []
        self.exit_reason = ""

    def pytest_sessionfinish(self, session):
        self.records = list(session.config.stash.get(RECORDS, []))


def available_assignments(root: Path | None = None) -> list[str]:
    """Modules that have a test file, in course order."""
    tests = (root or kit_root()) / "tests"
    return [m for m in BY_MODULE if (tests / f"test_{m}.py").is_file()]


def run_tests(impl: Path, assignments: list[str], exercises: list[str] = (), extra: list[str] = (),
              call_timeout: float = 60.0) -> tuple[list[TestRecord], str]:
    """Run tests/test_<a>.py for each assignment against `impl`; return (records, pytest's output)."""
    root = kit_root()
    args = [str(root / "tests" / f"test_{a}.py") for a in assignments]
    args += ["--impl", str(impl), "--rootdir", str(root), "-q", "-p", "no:cacheprovider",
             "--call-timeout", str(call_timeout), *extra]
    for name in exercises:
        args += ["--exercise", name]
    collector = _Collector()
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = pytest.main(args, plugins=[collector])
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise RuntimeError(f"pytest could not run the tests (exit {int(code)}):\n{output.getvalue()[-3000:]}")
    return collector.records, output.getvalue()
