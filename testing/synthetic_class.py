"""A made-up class, graded without grading: the outputs `grader autograde` writes, for the class page.

`write_class(out, names, ...)` writes OUT/grades.csv and each student's feedback.md and
results.json with the grader's own writers (`grader._autograde`), from statuses drawn at
random (a seed): each student has an ability, later assignments are more often left
undone, some students hand in nothing for an assignment, and a failed exercise is often
diagnosed with one of the catalogue's mistakes for it (the frequent ones more often),
written into results.json as the grader writes a diagnosis: {"mistake": slug, "title": title}.
Used by testing/test_class_report.py, benchmarks/report.py and the README's screenshot.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

from grader._autograde import HEADER, folder_name, write_student, write_whole
from grader._course import BY_MODULE
from grader._outcome import ExerciseResult, TestRecord

ROOT = Path(__file__).resolve().parent.parent
MISTAKE_STATUSES = ("failed", "error", "timed_out", "invalid")
MISTAKE_WEIGHTS = (70, 20, 5, 5)


def catalogue(module: str) -> dict[str, list[tuple[str, str]]]:
    """{exercise: [(slug, title), ...]} of the catalogue's mistakes of `module` (a title made up where none)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((ROOT / "catalogue" / module).glob("*.py")):
        source = path.read_text(encoding="utf-8")
        exercise = re.search(r'^EXERCISE\s*=\s*"([^"]+)"', source, flags=re.M)
        title = re.search(r'^TITLE\s*=\s*"([^"]+)"', source, flags=re.M)
        if exercise:
            words = title[1] if title else path.stem.replace("_", " ").capitalize()
            found.setdefault(exercise[1], []).append((path.stem, words))
    return found


def draw_results(rng: random.Random, modules: list[str], points: dict, ability: float) -> list[ExerciseResult]:
    results = []
    for position, module in enumerate(modules):
        lateness = position / max(len(modules) - 1, 1)  # the later the assignment, the more often left undone
        untouched = rng.random() < 0.05 + 0.25 * lateness * (1 - ability)
        for exercise in BY_MODULE[module].exercises:
            most = points[module, exercise]
            if untouched:
                status = "not_attempted"
            elif rng.random() < ability * (1 - 0.3 * lateness):
                status = "passed"
            elif rng.random() < 0.25:
                status = "not_attempted"
            else:
                status = rng.choices(MISTAKE_STATUSES, MISTAKE_WEIGHTS)[0]
            earned = most if status == "passed" else rng.randint(0, most - 1) if status == "failed" else 0
            problems = [] if status == "passed" else [
                TestRecord(f"tests/test_{module}.py::test_{exercise}", module, exercise, most, status,
                           title=f"{exercise} against the reference", message="expected 1.0, actual 2.0")]
            results.append(ExerciseResult(module, exercise, status, earned, most, problems))
    return results


def write_class(out: Path, names: list[str], modules: list[str] | None = None, seed: int = 0,
                diagnosis_rate: float = 0.6) -> dict[str, list[ExerciseResult]]:
    """Write a graded class into `out` (made if missing); return {student: results}."""
    rng = random.Random(seed)
    modules = modules or list(BY_MODULE)
    points = {(m, e): rng.randint(2, 6) for m in modules for e in BY_MODULE[m].exercises}
    mistakes = {m: catalogue(m) for m in modules}
    out.mkdir(parents=True, exist_ok=True)
    graded = {}
    for name in names:
        results = draw_results(rng, modules, points, ability=rng.betavariate(4, 2))
        write_student(out, name, results, elapsed=rng.uniform(5, 60))
        path = out / folder_name(name) / "results.json"
        gradescope = json.loads(path.read_text(encoding="utf-8"))
        for result, test in zip(results, gradescope["tests"]):
            known = mistakes[result.assignment].get(result.exercise, [])
            diagnosis = []
            if result.status == "failed" and known and rng.random() < diagnosis_rate:
                # The first few mistakes of an exercise are the frequent ones, as in a real class.
                slug, title = rng.choices(known, [1 / (i + 1) ** 1.5 for i in range(len(known))])[0]
                diagnosis.append({"mistake": slug, "title": title})
            test["diagnosis"] = diagnosis
        path.write_text(json.dumps(gradescope, indent=1), encoding="utf-8")
        graded[name] = results
    write_grades(out, graded)
    return graded


def write_grades(out: Path, graded: dict[str, list[ExerciseResult]]) -> None:
    """OUT/grades.csv as `grader autograde` writes it."""
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(HEADER)
    for name in sorted(graded):
        for r in graded[name]:
            writer.writerow([name, r.assignment, r.exercise, r.score, r.max_score, r.status])
    write_whole(out / "grades.csv", table.getvalue())
