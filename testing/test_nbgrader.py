"""The nbgrader path, with the real thing: nbgrader's commands, Jupyter kernels and the SQLite gradebook.

One course is made with `grader nbgrader`, released with `nbgrader
generate_assignment`, and four students submit notebooks built from the
release: all solutions filled in, untouched, half done, and one that disables
the kit's checks (nbgrader runs tests in the student's kernel, so it gives
that one full marks; `grader autograde` must give it zero). Broken notebooks
must get a status and never stop the run.
"""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}  # nbgrader runs alembic from PATH
EXERCISES = ["matmul", "matmul_elementwise", "matmul_broadcast", "matmul_einsum"]


def run(*command, cwd, timeout=900):
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}: {result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


def filled(course: Path, names: list[str]) -> nbformat.NotebookNode:
    """The release notebook with the reference's code in the solution cells of `names`."""
    source = nbformat.read(course / "source/matmul/matmul.ipynb", 4)
    reference = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source.cells}
    notebook = nbformat.read(course / "release/matmul/matmul.ipynb", 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("_solution") and grade_id.removesuffix("_solution") in names:
            cell.source = re.sub(r"\n\s*### (BEGIN|END) SOLUTION", "", reference[grade_id])
    return notebook


def cheating(course: Path) -> nbformat.NotebookNode:
    """Every function returns None, and the first cell switches the kit's checks off in the kernel."""
    notebook = nbformat.read(course / "release/matmul/matmul.ipynb", 4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("_solution"):
            cell.source = f"def {grade_id.removesuffix('_solution')}(a, b):\n    return None\n"
            if grade_id == "matmul_solution":
                cell.source = ("import grader.notebook, torch\ngrader.notebook.check = lambda *a, **k: None\n"
                               "torch.allclose = lambda *a, **k: True\n" + cell.source)
    return notebook


def broken_notebooks(course: Path) -> dict[str, str | bytes]:
    """Student name -> the file they hand in as matmul.ipynb."""
    good = nbformat.writes(filled(course, EXERCISES))
    no_tests = nbformat.read(course / "release/matmul/matmul.ipynb", 4)
    no_tests.cells = [c for c in filled(course, EXERCISES).cells
                      if not c.metadata.get("nbgrader", {}).get("grade")]
    edited_meta = json.loads(good)
    for cell in edited_meta["cells"]:
        cell["metadata"]["nbgrader"] = {"grade": True, "points": 1000, "solution": False}
    huge = filled(course, EXERCISES)
    huge.cells[1].outputs = [nbformat.v4.new_output("stream", text="x" * 25_000_000)]
    loops = filled(course, EXERCISES)
    loops.cells.append(nbformat.v4.new_code_cell("while True:\n    pass"))
    asks = filled(course, EXERCISES)
    asks.cells.insert(2, nbformat.v4.new_code_cell("name = input('your name? ')"))
    hook = filled(course, EXERCISES)
    hook.cells.insert(2, nbformat.v4.new_code_cell(
        "get_ipython().set_custom_exc((Exception,), lambda *args, **kwargs: None)"))
    not_text = json.loads(good)  # valid JSON, not a valid notebook: it once crashed the whole run
    not_text["cells"][1]["source"] = 5
    return {
        "invalid_json": b"{\"cells\": [",
        "old_nbformat": json.dumps({"nbformat": 2, "worksheets": []}),
        "deleted_test_cells": nbformat.writes(no_tests),
        "edited_metadata": json.dumps(edited_meta),
        "huge_outputs": nbformat.writes(huge),
        "loops_forever": nbformat.writes(loops),
        "asks_for_input": nbformat.writes(asks),
        "ipython_hook": nbformat.writes(hook),
        "source_not_text": json.dumps(not_text),
    }


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    run(sys.executable, "-m", "grader", "nbgrader", str(course), "--assignment", "matmul", cwd=ROOT)
    run(str(BIN / "nbgrader"), "generate_assignment", "matmul", "--force", cwd=course)
    students = {"full": filled(course, EXERCISES), "untouched": filled(course, []),
                "half": filled(course, ["matmul_broadcast", "matmul_einsum"]), "cheater": cheating(course)}
    for name, notebook in students.items():
        (course / "submitted" / name / "matmul").mkdir(parents=True)
        nbformat.write(notebook, course / "submitted" / name / "matmul" / "matmul.ipynb")
    return course


def scores(course: Path) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: s.score for s in gradebook.assignment_submissions("matmul")}


def test_nbgrader_autograde_export_and_feedback(course):
    """Real nbgrader: full marks, zero, the right partial score; and, being unsandboxed, fooled by the cheater.

    The full student's notebook is the instructor's with the solution markers gone, so its autograded
    copy also shows the source notebook running top to bottom in a kernel, hidden tests included.
    """
    run(str(BIN / "nbgrader"), "autograde", "matmul", cwd=course)
    assert scores(course) == {"full": 36.0, "untouched": 0.0, "half": 18.0, "cheater": 36.0}
    executed = nbformat.read(course / "autograded" / "full" / "matmul" / "matmul.ipynb", 4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert printed.count("all tests passed") == 4 and printed.count("all hidden tests passed") == 4
    run(str(BIN / "nbgrader"), "export", cwd=course)
    with open(course / "grades.csv") as handle:
        exported = {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}
    assert exported == {"full": 36.0, "untouched": 0.0, "half": 18.0, "cheater": 36.0}
    run(str(BIN / "nbgrader"), "generate_feedback", "matmul", cwd=course)
    assert (course / "feedback" / "half" / "matmul" / "matmul.html").is_file()


def test_grader_autograde_grades_the_notebooks_safely_into_the_gradebook(course, tmp_path):
    """The sandboxed grader reads the same notebooks, zeroes the cheater, and writes nbgrader's gradebook."""
    out = tmp_path / "out"
    run(sys.executable, "-m", "grader", "autograde", str(course), "--out", str(out), "--assignment", "matmul",
        "--gradebook", str(course), "--no-progress", "--timeout", "10", cwd=ROOT)
    with open(out / "grades.csv") as handle:
        rows = list(csv.DictReader(handle))
    totals = {}
    for row in rows:
        totals[row["student"]] = totals.get(row["student"], 0) + int(row["score"])
    assert totals == {"full": 36, "untouched": 0, "half": 18, "cheater": 0}
    assert scores(course) == {"full": 36.0, "untouched": 0.0, "half": 18.0, "cheater": 0.0}
    feedback = (out / "cheater" / "feedback.md").read_text()
    assert "hidden" not in feedback.lower()


def test_broken_notebooks_get_a_status_and_never_stop_the_run(course, tmp_path):
    submitted = tmp_path / "submitted"
    for name, content in broken_notebooks(course).items():
        (submitted / name / "matmul").mkdir(parents=True)
        path = submitted / name / "matmul" / "matmul.ipynb"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    out = tmp_path / "out"
    run(sys.executable, "-m", "grader", "autograde", str(submitted), "--out", str(out), "--assignment", "matmul",
        "--no-progress", "--timeout", "10", cwd=ROOT)
    with open(out / "grades.csv") as handle:
        statuses = {}
        for row in csv.DictReader(handle):
            statuses.setdefault(row["student"], set()).add(row["status"])
    assert statuses == {
        "invalid_json": {"invalid"}, "old_nbformat": {"invalid"},
        # The tests are the kit's, not the notebook's: deleting or re-labelling cells changes nothing.
        "deleted_test_cells": {"passed"}, "edited_metadata": {"passed"},
        "huge_outputs": {"invalid"},
        "loops_forever": {"error"}, "asks_for_input": {"error"}, "ipython_hook": {"error"},
        "source_not_text": {"invalid"},
    }
    assert "not a readable notebook" in (out / "invalid_json" / "feedback.md").read_text()
