"""Run the kit's tests in this process against one implementation and collect the records."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from ._outcome import TestRecord
from ._paths import kit_root
from ._plugin import PROVIDED, RECORDS
from ._student_code import CALL_TIMEOUT

# Installed pytest plugins that no test of the kit uses, kept out of every run: anyio's alone takes 0.3 s to
# start (it looks for event loops), and the jupyter extras bring it into most students' environments. Pytest's
# unraisableexception only turns an exception raised in a __del__ into a warning, which grades nothing, and ends
# each session with full garbage collections: 0.24 s of CPU a run with torch loaded (measured on grader verify's
# runs), which verify pays some 530 times.
UNUSED_PLUGINS = [arg for name in ("anyio", "doctest", "junitxml", "pastebin", "platformdirs", "unraisableexception")
                  for arg in ("-p", f"no:{name}")]


class _Collector:
    def __init__(self, implementation=None):
        self.records: list[TestRecord] = []
        self.implementation = implementation

    def pytest_configure(self, config):
        if self.implementation is not None:
            config.stash[PROVIDED] = self.implementation

    def pytest_sessionfinish(self, session):
        self.records = list(session.config.stash.get(RECORDS, []))


def run_tests(impl: Path, assignments: list[str], exercises: list[str] = (), extra: list[str] = (),
              call_timeout: float = CALL_TIMEOUT, implementation=None, plugins=()) -> tuple[list[TestRecord], str]:
    """Run tests/test_<a>.py for each assignment against `impl`; return (records, pytest's output).

    `implementation`, if given, is used as the `impl` fixture instead of loading `impl` (its owner closes
    it): the autograder's sandbox, a notebook's namespace. `plugins`: more pytest plugin objects for the run
    (grader watch's, which sends each test's record as it ends).
    """
    root = kit_root()
    args = [str(root / "tests" / f"test_{a}.py") for a in assignments]
    # No conftest.py is loaded (the plugin comes with -p), and paths go in --opt=value form: pytest's
    # early argument parsing takes a bare path after an option it does not know yet for a test path,
    # and would import a conftest.py that a student put in their folder, in this trusted process.
    args += [f"--impl={impl}", f"--rootdir={root}", "--noconftest", "-p", "grader._plugin", "-q",
             "-p", "no:cacheprovider", *UNUSED_PLUGINS, f"--call-timeout={call_timeout}", *extra]
    for name in exercises:
        args += ["--exercise", name]
    collector = _Collector(implementation)
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = pytest.main([*args, "-p", "no:capture"] if implementation is not None else args,
                           plugins=[collector, *plugins])
    # NO_TESTS_COLLECTED: every test deselected (-m "not slow" on the capstone alone): no records, no error.
    if code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED, pytest.ExitCode.NO_TESTS_COLLECTED):
        raise RuntimeError(f"pytest could not run the tests (exit {int(code)}):\n{output.getvalue()[-3000:]}")
    return collector.records, output.getvalue()


class _PointsCollector:
    def __init__(self):
        self.points: dict[tuple[str, str], int] = {}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        from ._plugin import assignment_of

        for item in items:
            module, mark = assignment_of(item), item.get_closest_marker("exercise")
            if module and mark:
                key = (module, mark.args[0])
                self.points[key] = self.points.get(key, 0) + mark.kwargs.get("points", 1)


def exercise_points(assignments: list[str]) -> dict[tuple[str, str], int]:
    """{(assignment, exercise): total points of its tests}, read from the tests' markers."""
    root = kit_root()
    collector = _PointsCollector()
    args = [str(root / "tests" / f"test_{a}.py") for a in assignments]
    with contextlib.redirect_stdout(io.StringIO()):
        code = pytest.main([*args, "--collect-only", "-q", f"--rootdir={root}", "--noconftest", "-p", "grader._plugin",
                            "-p", "no:cacheprovider", *UNUSED_PLUGINS], plugins=[collector])
    if code != pytest.ExitCode.OK:
        raise RuntimeError(f"cannot collect the tests of {assignments} (pytest exit {int(code)})")
    return collector.points
