"""Scores: points per passing test, stubs score nothing, a broken rule scores nothing, the worst status wins."""
from grader._outcome import TestRecord
from grader._plugin import smallest_input
from grader._report import render_scoreboard, score


def record(exercise, outcome, points=1, rule=None):
    return TestRecord(f"tests/test_matmul.py::t[{exercise}]", "matmul", exercise, points, outcome, rule=rule)


def test_an_exercise_scores_its_passing_tests():
    results = score([record("matmul", "passed", 3), record("matmul", "failed", 1)], ["matmul"])
    assert [(r.exercise, r.status, r.score, r.max_score) for r in results] == [("matmul", "failed", 3, 4)]


def test_a_stub_scores_nothing_even_if_some_test_passes():
    results = score([record("matmul", "passed", 3), record("matmul", "not_attempted", 1)], ["matmul"])
    assert (results[0].status, results[0].score) == ("not_attempted", 0)


def test_an_exercise_that_timed_out_scores_nothing():
    """Which tests passed before the clock ran out depends on the machine: the grade must not."""
    results = score([record("matmul", "passed", 3), record("matmul", "timed_out", 1)], ["matmul"])
    assert (results[0].status, results[0].score, results[0].max_score) == ("timed_out", 0, 4)


def test_statuses_rank_timeouts_over_errors_over_failures():
    records = [record("matmul", "failed"), record("matmul", "error"), record("matmul", "timed_out")]
    assert score(records, ["matmul"])[0].status == "timed_out"


def test_the_scoreboard_has_a_total_and_the_failures():
    failing = record("matmul_einsum", "failed")
    failing.message, failing.hint, failing.title = "expected 1, actual 2", "think of einsum", "equals torch"
    text = render_scoreboard(score([record("matmul", "passed", 2), failing], ["matmul"]))
    assert "total" in text and "1/2 passed" in text and "2/3" in text
    assert "expected 1, actual 2" in text and "hint: think of einsum" in text


def test_the_smallest_input_drops_fixtures_and_the_exercise_name():
    note = "Failing test case: test_x(\n    impl=<x>,\n    name='matmul',\n    shapes=((1, 2), (3, 4)),\n)"
    assert smallest_input([note]) == "smallest failing input:\n  shapes=((1, 2), (3, 4))"


def test_a_broken_rule_scores_nothing_and_is_named_first():
    """A shortcut the contract forbids earns nothing, however right its values: 0, the rule first."""
    broken = record("matmul", "failed", 1, rule="no matrix-product routine")
    broken.message = "calls torch's mm at run time"
    for others, status in (([record("matmul", "passed", 8)], "failed"),
                           ([record("matmul", "passed", 4), record("matmul", "error", 4)], "error")):
        (result,) = score([*others, broken], ["matmul"])
        assert (result.status, result.score, result.max_score) == (status, 0, 9)
        assert result.problems[0] is broken
    assert "rule: no matrix-product routine; until your code keeps it, this exercise scores 0" in \
        render_scoreboard([result])


def test_a_kept_rule_changes_nothing_and_a_stub_stays_not_attempted():
    kept = record("matmul", "passed", 1, rule="no matrix-product routine")
    (result,) = score([record("matmul", "passed", 3), record("matmul", "failed", 2), kept], ["matmul"])
    assert (result.status, result.score) == ("failed", 4)
    broken = record("matmul", "failed", 1, rule="no matrix-product routine")
    (result,) = score([record("matmul", "not_attempted", 3), broken], ["matmul"])
    assert (result.status, result.score) == ("not_attempted", 0)
