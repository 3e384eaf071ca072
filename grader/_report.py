"""From test records to exercise results, and the scoreboard students read."""
from __future__ import annotations

from dataclasses import dataclass, field

from ._course import ASSIGNMENTS, BY_MODULE
from ._plugin import TestRecord

# When an exercise's tests end differently, the exercise takes the first of these.
PRECEDENCE = ("kit_error", "invalid", "not_attempted", "timed_out", "error", "failed", "passed")
LABELS = {"passed": "passed", "failed": "failed", "error": "error", "not_attempted": "not attempted",
          "timed_out": "timed out", "invalid": "invalid", "kit_error": "kit error"}
# `grader check` speaks SPEC.md's five statuses; "invalid" (a missing or unparsable file) is an error there.
CHECK_LABELS = {**LABELS, "invalid": "error"}


@dataclass
class ExerciseResult:
    assignment: str
    exercise: str
    status: str
    score: int
    max_score: int
    problems: list[TestRecord] = field(default_factory=list)


def score(records: list[TestRecord], assignments: list[str] | None = None) -> list[ExerciseResult]:
    """One result per exercise of the given assignments (default: those with records), in course order.

    An exercise scores the points of its passing tests, except that a stub
    (any test not attempted) scores 0 however many tests it happens to pass, and
    so does an exercise that timed out: which of its tests ended before the clock
    or the budget ran out depends on the machine, and a grade must not.
    """
    modules = assignments or list(dict.fromkeys(r.assignment for r in records))
    results = []
    for assignment in [a for a in ASSIGNMENTS if a.module in modules]:
        for name in assignment.exercises:
            mine = [r for r in records if r.assignment == assignment.module and r.exercise == name
                    and r.outcome != "skipped"]
            if not mine:
                continue
            outcomes = {r.outcome for r in mine}
            status = next(o for o in PRECEDENCE if o in outcomes)
            points = sum(r.points for r in mine)
            gated = status in ("not_attempted", "timed_out")
            earned = 0 if gated else sum(r.points for r in mine if r.outcome == "passed")
            problems = [r for r in mine if r.outcome != "passed"]
            if status == "not_attempted":
                problems = problems[:1]
            results.append(ExerciseResult(assignment.module, name, status, earned, points, problems))
    return results


def render_scoreboard(results: list[ExerciseResult], details: bool = True) -> str:
    """The table of SPEC.md (assignment, exercise, status, points, total), then each failure."""
    rows = [("assignment", "exercise", "status", "points")]
    for r in results:
        rows.append((f"{BY_MODULE[r.assignment].number} {r.assignment}", r.exercise, CHECK_LABELS[r.status],
                     f"{r.score}/{r.max_score}"))
    total, most = sum(r.score for r in results), sum(r.max_score for r in results)
    rows.append(("total", "", f"{sum(r.status == 'passed' for r in results)}/{len(results)} passed",
                 f"{total}/{most}"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    out = []
    for i, row in enumerate(rows):
        if i in (1, len(rows) - 1):
            out.append(line)
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    text = "\n".join(out) + "\n"
    if details:
        text += "".join(render_problem(r) for r in results if r.status not in ("passed", "not_attempted"))
    return text


def render_problem(result: ExerciseResult) -> str:
    """What went wrong in one exercise: each failing test, its smallest input, expected vs actual, a hint."""
    out = [f"\n{result.assignment}.{result.exercise}: {CHECK_LABELS[result.status]}"]
    seen = set()
    for record in result.problems:
        if record.outcome != "failed" and record.message in seen:
            continue  # a broken module or a crash says the same for every test: once is enough
        seen.add(record.message)
        out.append(f"  - {record.title}")
        if record.example:
            out.append(indent(record.example, "      "))
        if record.message:
            out.append(indent(record.message, "      "))
        if record.hint and record.outcome == "failed":
            out.append(f"      hint: {record.hint}")
    return "\n".join(out) + "\n"


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.strip().splitlines())
