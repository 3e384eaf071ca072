"""Writing the autograder's scores into nbgrader's own gradebook, through nbgrader's API.

The instructor keeps formgrader, `nbgrader export` and `nbgrader generate_feedback`;
only the scores come from the sandboxed grader. Each exercise's test cell
(grade id `<exercise>_tests`) gets the exercise's score as its auto score.
"""
from __future__ import annotations

from pathlib import Path

from ._outcome import ExerciseResult, UsageError


def write_scores(course: Path, results: dict[str, list[ExerciseResult]],
                 submitted: dict[str, dict[str, Path]]) -> tuple[int, list[str]]:
    """Record every (student, assignment) that had a notebook; return (how many cells were written, the students
    left out: a folder name that is not UTF-8 cannot be an nbgrader student id, and stays in grades.csv only)."""
    from nbgrader.api import Gradebook, MissingEntry

    written, left_out = 0, []
    with Gradebook(f"sqlite:///{(course / 'gradebook.db').resolve()}") as gradebook:
        for student, notebooks in submitted.items():
            try:
                student.encode("utf-8")
            except UnicodeEncodeError:
                left_out.append(student)
                continue
            gradebook.update_or_create_student(student)
            for module in notebooks:
                try:
                    gradebook.find_assignment(module)
                except MissingEntry:
                    raise UsageError(f"the gradebook has no assignment {module!r}; "
                                     f"run `nbgrader generate_assignment {module}` first") from None
                gradebook.update_or_create_submission(module, student)
                for result in results.get(student, []):
                    if result.assignment != module:
                        continue
                    try:
                        grade = gradebook.find_grade(f"{result.exercise}_tests", module, module, student)
                    except MissingEntry:
                        continue
                    grade.auto_score = float(result.score)
                    written += 1
        gradebook.db.commit()
    return written, left_out
