"""The pytest plugin, driven directly: what it refuses at collection, what it records for each ending."""
from __future__ import annotations

import pytest

from grader._outcome import HINTS
from grader._plugin import RECORDS, smallest_input
from grader.testing import NOT_A_TENSOR

pytest_plugins = ["pytester"]

# A test file of assignment 01's name, written by pytester; the plugin reads the exercise from each marker.
HEADER = """
import pytest
from grader.testing import (NOT_A_TENSOR, Mismatch, ModuleBroken, NotAttempted, RuleBroken, StudentError,
                            TimedOut, exercise)
"""


def records(pytester, source: str, *args: str):
    """Run `source` as tests/test_matmul.py under the plugin; its records, by test name."""
    pytester.makepyfile(test_matmul=HEADER + source)
    collected = {}

    class Keep:
        @pytest.hookimpl(trylast=True)
        def pytest_sessionfinish(self, session):
            collected["records"] = list(session.config.stash[RECORDS])

    result = pytester.inline_run("-p", "grader._plugin", "-p", "no:cacheprovider", *args, plugins=[Keep()])
    return result, {r.nodeid.split("::")[-1]: r for r in collected.get("records", [])}


def test_each_ending_is_recorded_in_the_kit_s_words(pytester):
    _, got = records(pytester, """
@exercise("matmul", points=2, hint="h2")
def test_passes(): pass
@exercise("matmul", hint="think")
def test_fails(): raise Mismatch("expected 1, actual 2")
@exercise("matmul", hint="h")
def test_stub(): raise NotAttempted("lesson 8: write matmul")
@exercise("matmul", hint="h")
def test_slow(): raise TimedOut("a call took longer than 1 s")
@exercise("matmul", hint="h")
def test_raises(): raise StudentError("ZeroDivisionError (matmul.py line 3)")
@exercise("matmul", hint="h")
def test_broken(): raise ModuleBroken("matmul.py line 1: not valid Python", "invalid")
@exercise("matmul", hint="about values")
def test_rule(): raise RuleBroken("called torch's mm", "no matrix products")
@exercise("matmul", hint="h")
def test_kit(): raise KeyError("the kit's own bug")
@exercise("matmul", hint="about values")
def test_type(): raise Mismatch("matmul(a, b) should be a tensor, got 1.5", hint=NOT_A_TENSOR)
""")
    endings = {name: (r.outcome, r.message) for name, r in got.items()}
    assert endings == {
        "test_passes": ("passed", ""), "test_fails": ("failed", "expected 1, actual 2"),
        "test_stub": ("not_attempted", "lesson 8: write matmul"),
        "test_slow": ("timed_out", "a call took longer than 1 s"),
        "test_raises": ("error", "ZeroDivisionError (matmul.py line 3)"),
        "test_broken": ("invalid", "matmul.py line 1: not valid Python"),
        "test_rule": ("failed", "called torch's mm"), "test_kit": ("kit_error", 'KeyError: "the kit\'s own bug"'),
        "test_type": ("failed", "matmul(a, b) should be a tensor, got 1.5")}
    assert (got["test_passes"].points, got["test_passes"].hint) == (2, "h2")
    # A rule met at run time marks the record whatever test met it, and the test's own hint (about values) goes.
    assert (got["test_rule"].rule, got["test_rule"].hint) == ("no matrix products", None)
    assert got["test_fails"].rule is None and got["test_fails"].hint == "think"
    # Every problem has a hint: the test's own for a wrong value or an exception, else one for the ending.
    assert {name: r.hint for name, r in got.items() if name not in ("test_passes", "test_fails", "test_rule")} == {
        "test_stub": HINTS["not_attempted"], "test_slow": HINTS["timed_out"], "test_raises": "h",
        "test_broken": HINTS["invalid"], "test_kit": HINTS["kit_error"], "test_type": NOT_A_TENSOR}


def test_a_rule_named_by_the_marker_is_recorded(pytester):
    _, got = records(pytester, """
@exercise("matmul", hint="h", rule="three loops")
def test_follows(): raise Mismatch("two loops")
""")
    assert (got["test_follows"].outcome, got["test_follows"].rule) == ("failed", "three loops")


@pytest.mark.parametrize("marks, problem", [
    ("", "needs exactly one @exercise marker, has 0"),
    ('@exercise("matmul", hint="h")\n@exercise("matmul_einsum", hint="h")\n',
     "needs exactly one @exercise marker, has 2"),
    ('@exercise("lin", hint="h")\n', "'lin' is not a public name of matmul"),
    ('@exercise("matmul")\n', "its @exercise marker needs a hint"),
])
def test_a_test_without_exactly_one_known_exercise_is_refused(pytester, marks, problem):
    pytester.makepyfile(test_matmul=HEADER + f"{marks}def test_x(): pass\n")
    result = pytester.runpytest_inprocess("-p", "grader._plugin", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert f"test_matmul.py::test_x: {problem}" in result.stderr.str()


def test_exercise_option_runs_only_that_exercise(pytester):
    _, got = records(pytester, """
@exercise("matmul", hint="h")
def test_a(): pass
@exercise("matmul_einsum", hint="h")
def test_b(): pass
""", "--exercise", "matmul_einsum")
    assert list(got) == ["test_b"]


def test_the_impl_fixture_is_told_each_test_s_exercise(pytester):
    """The sandbox gives each exercise its own worker: it must know which exercise each call belongs to."""
    pytester.makepyfile(test_matmul=HEADER + """
@exercise("matmul_einsum", hint="h")
def test_einsum(impl): assert impl.exercise == "matmul_einsum"
@exercise("matmul", hint="h")
def test_loops(impl): assert impl.exercise == "matmul"
""")
    folder = pytester.mkdir("student")
    result = pytester.inline_run("-p", "grader._plugin", "-p", "no:cacheprovider", f"--impl={folder}")
    result.assertoutcome(passed=2)


def test_the_smallest_input_of_a_hypothesis_note():
    note = "Falsifying example: test_x(\n    impl=<x>,\n    name='matmul',\n    a=tensor([1.]),\n)"
    assert smallest_input([note]) == "smallest failing input:\n  a=tensor([1.])"
    assert smallest_input(["an unrelated note"]) == ""


def test_draws_do_not_depend_on_the_constants_of_modules_loaded(pytester, monkeypatch):
    """Hypothesis would mix constants of loaded local modules into its draws (a student's file, under grader
    check); under the plugin the same test draws the same values whatever else is loaded."""
    pytester.makepyfile(steer="STEER = [987654321, -123456789, 31337, 4242424242, 'abc', 2.5e-7]\n")
    drawn = {}
    for imported in ("", "import steer  # noqa: F401\n"):
        pytester.makepyfile(test_matmul=HEADER + imported + """
import os
from hypothesis import given, strategies as st

@exercise("matmul", hint="h")
@given(st.lists(st.integers(), min_size=50, max_size=50))
def test_draws(values):
    with open(os.environ["DRAWN"], "a") as file:
        file.write(repr(values) + "\\n")
""")
        out = pytester.path / f"drawn{len(drawn)}.txt"
        monkeypatch.setenv("DRAWN", str(out))
        result = pytester.runpytest_subprocess("-p", "grader._plugin", "-p", "no:cacheprovider")
        assert result.ret == 0, result.stdout.str()
        drawn[imported] = out.read_text()
    first, second = drawn.values()
    assert first.count("\n") >= 60 and first == second
