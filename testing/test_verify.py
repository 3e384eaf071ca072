"""`grader verify`: the same findings with one process or several, and a catch that can fail."""
from __future__ import annotations

import re

import pytest

from grader._catalogue import Mistake
from grader._paths import kit_root
from grader._verify import catch, verify


def findings(workers: int) -> tuple[bool, list[str]]:
    lines: list[str] = []
    ok = verify(["matmul"], out=lines.append, workers=workers)  # the cheapest: 19 runs, ordering is what is tested
    return ok, [re.sub(r"in \d+ s$", "in N s", line) for line in lines]


@pytest.mark.full_tier_only  # verify's ordering is plain Python; the compat tier's verify runs two workers
def test_workers_change_nothing_but_the_time():
    one, two = findings(1), findings(2)
    assert one == two
    assert one[0] is True and one[1][-1] == "verify: passed in N s"
    assert any(line.startswith("ok    catalogue: ") for line in one[1])


def test_a_correct_definition_is_not_caught_and_a_wrong_one_is():
    right = Mistake("schedule", "right", "sched_lin", "the same line, written as a weighted average",
                    "def sched_lin(start, end, pos):\n    return end * pos + start * (1 - pos)\n")
    wrong = Mistake("schedule", "wrong", "sched_lin", "heads away from end",
                    "def sched_lin(start, end, pos):\n    return start + pos * (start - end)\n")
    assert catch(kit_root(), right) == (None, [])
    verdict, diagnosis = catch(kit_root(), wrong)
    assert "test_sched_lin" in verdict
    assert diagnosis == []  # not a catalogued mistake
