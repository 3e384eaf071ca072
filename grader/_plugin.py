"""The pytest plugin behind `pytest tests --impl DIR` and every grader command.

It adds `--impl` (the implementation directory under test) and `--exercise`
(run only some exercises), provides the `impl` fixture, loads the
deterministic `grading` hypothesis profile, checks that every test in
`tests/test_<assignment>.py` carries one `exercise` marker naming a public name
of that assignment, and records each test's outcome as a `TestRecord` that
`grader._report` turns into per-exercise scores.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from ._course import BY_MODULE
from ._diagnosis import Recorder
from ._outcome import (
    HINTS,
    Crashed,
    ModuleBroken,
    NotAttempted,
    RuleBroken,
    StudentError,
    TestRecord,
    TimedOut,
)
from ._student_code import CALL_TIMEOUT
from ._student_code.in_process import LocalImplementation
from ._student_code.plain import cut

# No explain phase: its notes about covered lines mean nothing to a student.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)
settings.register_profile(
    "grading",  # the same code always gets the same grade
    derandomize=True, database=None, deadline=None, print_blob=False, max_examples=60, phases=PHASES,
    report_multiple_bugs=False, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "hidden",  # nbgrader's hidden tests: the same properties on more (still derandomized) examples
    derandomize=True, database=None, deadline=None, print_blob=False, max_examples=200, phases=PHASES,
    report_multiple_bugs=False, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "explore",  # for maintainers hunting for holes in the tests: random and longer
    derandomize=False, database=None, deadline=None, max_examples=400, phases=PHASES,
    report_multiple_bugs=False, suppress_health_check=[HealthCheck.too_slow])

RECORDS = pytest.StashKey[list]()
# The kept calls of each test that did not pass (of every test with --diagnose all), by node id.
TRANSCRIPTS = pytest.StashKey[dict]()
# An implementation object handed over by the caller (the autograder's sandbox, a notebook's namespace),
# used instead of --impl.
PROVIDED = pytest.StashKey[object]()


def pytest_addoption(parser):
    group = parser.getgroup("grader", "Foundations Kit")
    group.addoption("--impl", default=None, metavar="DIR",
                    help="implementation directory to test (default: assignments/ of the kit)")
    group.addoption("--exercise", action="append", default=[], metavar="NAME",
                    help="only run the tests of this exercise (repeatable)")
    group.addoption("--diagnose", choices=("failing", "all", "none"), default="failing",
                    help="name the catalogued mistake a failing exercise's outputs match (default); 'all' tries "
                         "passing exercises too (grader verify's proof that correct code is never diagnosed)")
    group.addoption("--call-timeout", type=float, default=CALL_TIMEOUT, metavar="SECONDS",
                    help=f"time one call into student code may take (default {CALL_TIMEOUT:g})")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    config.addinivalue_line("markers", "exercise(name, points, hint): the exercise a test grades")
    config.addinivalue_line("markers", "slow: takes more than a few seconds; -m 'not slow' skips it")
    config.stash[RECORDS] = []
    config.stash[TRANSCRIPTS] = {}
    # One thread: torch's two stall badly when the other core is busy, and grades must not depend on cores.
    import torch

    torch.set_num_threads(1)
    if config.getoption("hypothesis_profile", None) is None:
        settings.load_profile("grading")
    _draw_from_the_strategies_alone()


def _draw_from_the_strategies_alone() -> None:
    """Hypothesis (6.131 and later) mixes into about 5% of its draws constants read from the "local" modules
    loaded at the time: the tests', the grader's and, under grader check, the student's own. A draw would then
    depend on what the process happened to import before (a worker's first student or its tenth, grader watch's
    child) and on the constants in the student's file, which autograde's sandbox keeps out of the judge: the same
    code could meet other inputs, and get another grade. The grader's draws come from the strategies alone."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover  (an older hypothesis: it has no local constants)
        return
    if hasattr(providers, "_get_local_constants"):
        providers._get_local_constants = providers.Constants  # an empty set of constants, each time


def assignment_of(item) -> str | None:
    """`matmul` for an item in tests/test_matmul.py; None outside assignment test files."""
    stem = Path(str(item.fspath)).stem
    name = stem.removeprefix("test_")
    return name if stem.startswith("test_") and name in BY_MODULE else None


def pytest_collection_modifyitems(config, items):
    wanted = set(config.getoption("exercise"))
    kept, dropped = [], []
    for item in items:
        module = assignment_of(item)
        if module is None:
            kept.append(item)
            continue
        marks = list(item.iter_markers("exercise"))
        if len(marks) != 1:
            raise pytest.UsageError(f"{item.nodeid}: needs exactly one @exercise marker, has {len(marks)}")
        name = marks[0].args[0]
        if name not in BY_MODULE[module].exercises:
            raise pytest.UsageError(f"{item.nodeid}: {name!r} is not a public name of {module}")
        if not marks[0].kwargs.get("hint"):  # every problem a student can see has a hint
            raise pytest.UsageError(f"{item.nodeid}: its @exercise marker needs a hint (the lesson's idea to look "
                                    f"at when it fails)")
        (kept if not wanted or name in wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def impl(request):
    """The implementation under test (`--impl`, default the kit's assignments/)."""
    option = request.config.getoption
    root = option("impl") or Path(request.config.rootpath) / "assignments"
    if PROVIDED in request.config.stash:
        yield Recorder(request.config.stash[PROVIDED])  # its owner closes it
        return
    implementation = LocalImplementation(root, call_timeout=option("call_timeout"))
    yield Recorder(implementation)
    implementation.close()


@pytest.fixture(autouse=True)
def _exercise_in_progress(request):
    """Tell the implementation which exercise the next calls belong to (the sandbox gives each its own worker)."""
    mark = request.node.get_closest_marker("exercise")
    if mark is not None and "impl" in request.fixturenames:
        implementation = request.getfixturevalue("impl")
        implementation.exercise = mark.args[0]
        implementation.start_test()
        request.node.stash[_RECORDER] = implementation


_RECORDER = pytest.StashKey[object]()


def _classify(excinfo) -> tuple[str, str, str | None]:
    """(outcome, message, hint) for an exception that ended a test; hint None keeps the test's own."""
    exc = excinfo.value
    if isinstance(exc, NotAttempted):
        return "not_attempted", str(exc), HINTS["not_attempted"]
    if isinstance(exc, TimedOut):
        return "timed_out", str(exc), HINTS["timed_out"]
    if isinstance(exc, ModuleBroken):
        return exc.kind, str(exc), HINTS["invalid" if exc.kind == "invalid" else "import_error"]
    if isinstance(exc, Crashed):
        return "error", str(exc), HINTS["crashed"]
    if isinstance(exc, StudentError):
        return "error", str(exc), None
    if isinstance(exc, RuleBroken):
        return "failed", str(exc), None
    if isinstance(exc, AssertionError):  # a Mismatch of another kind than the test's property has its own hint
        return "failed", str(exc), getattr(exc, "hint", None)
    if isinstance(exc, pytest.skip.Exception):
        return "skipped", str(exc), None
    name = type(exc).__name__
    if "Flaky" in name:
        return "failed", "gives different results for the same input (it depends on hidden state or randomness)", \
            "look for state kept between calls (a global, a default argument, an attribute) or randomness drawn " \
            "from anything but torch's generator"
    return "kit_error", f"{name}: {exc}", HINTS["kit_error"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    module = assignment_of(item)
    if module is None or not (report.when == "call" or (report.when == "setup" and not report.passed)):
        return
    mark = item.get_closest_marker("exercise")
    doc = (getattr(item.obj, "__doc__", None) or item.name).strip().splitlines()[0]
    record = TestRecord(item.nodeid, module, mark.args[0], mark.kwargs.get("points", 1), "passed",
                        title=doc, hint=mark.kwargs.get("hint"), rule=mark.kwargs.get("rule"))
    if call.excinfo is not None:
        outcome, message, hint = _classify(call.excinfo)
        # Cut: a message may hold a repr of the student's value, or the student's own text.
        record.outcome, record.message, record.hint = outcome, cut(message), hint or record.hint
        if isinstance(call.excinfo.value, RuleBroken):  # whichever test met it: the exercise scores 0
            record.rule, record.hint = cut(call.excinfo.value.rule), None  # the rule says it; the hint is about values
        record.example = cut(smallest_input(getattr(call.excinfo.value, "__notes__", None) or []))
    recorder = item.stash.get(_RECORDER, None)
    if recorder is not None and (record.outcome in ("failed", "error") or item.config.getoption("diagnose") == "all"):
        item.config.stash[TRANSCRIPTS][item.nodeid] = recorder.transcript
    item.config.stash[RECORDS].append(record)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session):
    """Name the known mistakes that the failing exercises' outputs match (grader/_diagnosis.py)."""
    config = session.config
    mode = config.getoption("diagnose", "none")
    records, transcripts = config.stash.get(RECORDS, []), config.stash.get(TRANSCRIPTS, {})
    if mode == "none" or not transcripts:
        return
    from ._catalogue import load_catalogue
    from ._diagnosis import diagnose
    from ._paths import kit_root
    from ._report import score

    root = kit_root()
    if not (root / "catalogue").is_dir():
        return
    wanted = [result for result in score(records)
              if result.status in ("failed", "error") or (mode == "all" and result.status == "passed")]
    catalogue = load_catalogue(root / "catalogue", sorted({result.assignment for result in wanted}))
    for result in wanted:
        mine = [r for r in records if (r.assignment, r.exercise) == (result.assignment, result.exercise)]
        tried = [transcripts[r.nodeid] for r in mine if r.nodeid in transcripts
                 and (r.outcome != "passed" or result.status == "passed")]
        candidates = [m for m in catalogue if (m.module, m.exercise) == (result.assignment, result.exercise)]
        found = diagnose(tried, candidates, root, result.exercise)
        for record in mine:
            record.diagnosis = list(found)
    transcripts.clear()


def smallest_input(notes: list[str]) -> str:
    """The arguments of hypothesis's shrunk failing case, without the fixtures and the exercise name."""
    for note in notes:
        lines = note.splitlines()
        if len(lines) < 2 or not ("test case" in lines[0].lower() or "example" in lines[0].lower()):
            continue
        kept = []
        for line in lines[1:-1]:
            line = line.split("  # or any other generated value")[0].rstrip()
            stripped = line.strip()
            if stripped.startswith(("impl=", "name=")):
                continue
            kept.append(line[4:] if line.startswith("    ") else line)
        return "smallest failing input:\n" + "\n".join("  " + line for line in kept).rstrip(",") if kept else ""
    return ""


def pytest_terminal_summary(terminalreporter, config):
    records = config.stash.get(RECORDS, [])
    if records:
        from ._report import render_scoreboard, score
        terminalreporter.write_line("")
        terminalreporter.write(render_scoreboard(score(records)))
