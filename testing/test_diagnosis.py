"""The diagnosis names a catalogued mistake only where that mistake reproduces the student's outputs.

That every catalogued mistake is named on a copy of the reference with it, and that no correct
alternative ever is, is `grader verify`'s proof (bin/suite runs it); here: the catalogue's words,
the comparison, and the diagnosis end to end in `grader check --format json`, feedback.md and
results.json.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from grader._catalogue import load_catalogue
from grader._diagnosis import Ending, same
from grader._outcome import ExerciseResult, Raised

ROOT = Path(__file__).resolve().parent.parent


def test_every_catalogued_mistake_has_words_for_students():
    """A title (at most 72 characters) and an explanation (at most 420) that says where the course covers it."""
    problems = []
    for mistake in load_catalogue(ROOT / "catalogue"):
        where = f"{mistake.module}/{mistake.slug}"
        if not mistake.title or len(mistake.title) > 72 or mistake.title.endswith("."):
            problems.append(f"{where}: TITLE missing, longer than 72 characters or ending with a period")
        if not mistake.explanation or len(mistake.explanation) > 420:
            problems.append(f"{where}: EXPLANATION missing or longer than 420 characters")
        elif not re.search(r"(lessons? |chapter )\d", mistake.explanation):
            problems.append(f"{where}: EXPLANATION names no lesson or chapter")
    assert not problems, "\n".join(problems)


def test_same_allows_a_students_rounding_and_nothing_more():
    x = torch.tensor([1.0, -2.0, 3e-8, float("inf"), float("nan")])
    assert same(x, x.clone())
    assert same(x, x * (1 + 1e-6))                        # another order of the same operations
    assert not same(x, x * (1 + 1e-3))                    # a mistake's outputs are further off
    assert not same(x, x.double())                        # another dtype
    assert not same(x, x[:4])                             # another shape
    assert not same(x, torch.tensor([1.0, -2.0, 3e-8, float("-inf"), float("nan")]))  # another infinity
    assert not same(x, torch.tensor([1.0, -2.0, 3e-8, float("inf"), 0.0]))            # nan where it was not
    assert same(torch.tensor([3, 4]), torch.tensor([3, 4])) and not same(torch.tensor([3, 4]), torch.tensor([3, 5]))
    assert not same(x, x.numpy())                         # a numpy array is not a tensor
    assert same(np.arange(3.0), np.arange(3.0))
    assert same({"a": [1, 2.0]}, {"a": [1, 2.0]}) and not same({"a": 1}, {"b": 1})
    shapes = "cannot multiply (2, 3) by (4, 5)"
    assert same(Raised("ValueError", shapes), Raised("ValueError", shapes))
    assert not same(Raised("ValueError", shapes), Raised("ValueError", "shapes differ"))
    assert not same(Raised("ValueError", "m"), Raised("TypeError", "m"))
    assert same(Ending("error", "TypeError"), Ending("error", "TypeError"))
    assert not same(Ending("error", "TypeError"), Ending("rule", "TypeError"))


def check_json(folder: Path, *assignments: str) -> dict:
    run = subprocess.run([sys.executable, "-m", "grader", "check", *assignments, "--impl", str(folder),
                          "--format", "json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1), run.stderr
    return {r["exercise"]: r for r in json.loads(run.stdout)["exercises"]}


@pytest.fixture
def student_copy(tmp_path):
    for source in (ROOT / "solutions").glob("*.py"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def with_definition(folder: Path, module: str, code: str) -> None:
    path = folder / f"{module}.py"
    path.write_text(path.read_text() + "\n\n" + code)


def test_a_catalogued_mistake_is_named_and_its_siblings_are_not(student_copy):
    with_definition(student_copy, "backprop", (ROOT / "catalogue/backprop/relu_grad_ge_at_kink.py").read_text())
    results = check_json(student_copy, "backprop")
    assert results["relu_grad"]["status"] == "failed"
    assert results["relu_grad"]["diagnosis"] == ["relu_grad_ge_at_kink"]
    assert all(r["diagnosis"] == [] for name, r in results.items() if name != "relu_grad")
    assert set(results["relu_grad"]) == {"assignment", "exercise", "status", "score", "max_score", "problems",
                                         "diagnosis"}


def test_the_same_mistake_written_otherwise_is_named_too(student_copy):
    """The diagnosis judges outputs, not code: `inp >= 0` as a where() is still relu_grad_ge_at_kink."""
    with_definition(student_copy, "backprop", "def relu_grad(inp, out):\n"
                                              "    inp.g = torch.where(inp < 0, torch.zeros_like(out.g), out.g)\n")
    assert check_json(student_copy, "backprop")["relu_grad"]["diagnosis"] == ["relu_grad_ge_at_kink"]


def test_a_mistake_not_in_the_catalogue_is_named_nothing(student_copy):
    """Wrong, but like no catalogued mistake: no diagnosis, rather than a wrong one."""
    with_definition(student_copy, "backprop", "def relu_grad(inp, out):\n"
                                              "    inp.g = (inp > 0).to(out.g.dtype) * out.g * 1.5\n")
    result = check_json(student_copy, "backprop")["relu_grad"]
    assert result["status"] == "failed" and result["diagnosis"] == []


def test_the_text_scoreboard_gives_the_title_and_the_explanation(student_copy):
    with_definition(student_copy, "backprop", (ROOT / "catalogue/backprop/relu_grad_ge_at_kink.py").read_text())
    run = subprocess.run([sys.executable, "-m", "grader", "check", "backprop", "--impl", str(student_copy)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert "known mistake: relu's derivative taken as 1 at exactly 0 (inp >= 0)" in run.stdout
    assert "(lesson 8: the backward pass)" in run.stdout.replace("\n      ", " ")


def test_feedback_and_results_json_carry_the_diagnosis():
    from grader._autograde import feedback_markdown, gradescope_results

    result = ExerciseResult("backprop", "relu_grad", "failed", 0, 5, [], ["relu_grad_ge_at_kink"])
    entry = gradescope_results([result], 1.0)["tests"][0]
    assert entry["diagnosis"] == [{"mistake": "relu_grad_ge_at_kink",
                                   "title": "relu's derivative taken as 1 at exactly 0 (inp >= 0)"}]
    assert "known mistake: relu's derivative" in entry["output"]
    assert "known mistake: relu's derivative" in feedback_markdown("ada", [result])
