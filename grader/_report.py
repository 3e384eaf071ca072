"""From test records to exercise results, and the scoreboard students read."""
from __future__ import annotations

from ._course import ASSIGNMENTS, BY_MODULE
from ._outcome import CHECK_LABELS, GATING, PRECEDENCE, ExerciseResult, TestRecord


def score(records: list[TestRecord], assignments: list[str] | None = None) -> list[ExerciseResult]:
    """One result per exercise of the given assignments (default: those with records), in course order.

    An exercise scores the points of its passing tests, except that it scores 0
    when a test found the stub (not attempted) or ran out of time (which of its
    tests ended before the clock or the budget did depends on the machine, and a
    grade must not), and 0 when it breaks a contract rule (a test marked with
    `rule` failed, or a call reached what the exercise's confinement forbids): a
    shortcut the contract forbids earns nothing, however right its values are.
    Its status is then failed, or error where its code also raised.
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
            broken_rules = [r for r in mine if r.rule and r.outcome == "failed"]  # so status is failed or worse
            problems = [r for r in mine if r.outcome != "passed"]
            if status == "not_attempted":
                problems = problems[:1]
            elif broken_rules:  # the rule first: it is why the exercise scores nothing
                problems = broken_rules + [r for r in problems if r not in broken_rules]
            earned = 0 if status in GATING or broken_rules else sum(r.points for r in mine if r.outcome == "passed")
            diagnosis = next((r.diagnosis for r in mine if r.diagnosis), [])
            results.append(ExerciseResult(assignment.module, name, status, earned, points, problems, list(diagnosis)))
    return results


def check_json(results: list[ExerciseResult], not_graded: list[str], seconds: float) -> str:
    """`grader check --format json`: SPEC.md's fields per exercise, its problems, and its diagnosis."""
    import json

    exercises = []
    for r in results:
        exercises.append({
            "assignment": r.assignment, "exercise": r.exercise,
            "status": "error" if r.status == "kit_error" else r.status, "score": r.score, "max_score": r.max_score,
            "problems": [{"test": p.nodeid.split("::")[-1], "title": p.title, "status": p.outcome,
                          "message": p.message, "example": p.example, "hint": p.hint, "rule": p.rule}
                         for p in r.problems],
            "diagnosis": list(r.diagnosis)})
    return json.dumps({"seconds": round(seconds, 1), "exercises": exercises, "not_graded": not_graded}, indent=1)


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
    out += render_diagnosis(result)
    seen, rules, hints = set(), set(), set()
    for record in result.problems:
        if (record.outcome != "failed" or record.rule) and record.message in seen:
            continue  # a broken module, a crash or a broken rule says the same for every test: once is enough
        seen.add(record.message)
        out.append(f"  - {record.title}")
        if record.example:
            out.append(indent(record.example, "      "))
        if record.message:
            out.append(indent(record.message, "      "))
        if record.hint and record.hint not in hints:  # once per exercise: the same idea, said once
            hints.add(record.hint)
            out.append(f"      hint: {record.hint}")
        if record.rule and record.outcome == "failed" and record.rule not in rules:
            rules.add(record.rule)
            out.append(f"      rule: {record.rule}; until your code keeps it, this exercise scores 0")
    return "\n".join(out) + "\n"


def diagnosed(result: ExerciseResult) -> list[tuple[str, str, str]]:
    """(slug, title, explanation) of each catalogued mistake the exercise's outputs match."""
    from ._catalogue import known_mistake

    found = []
    for slug in result.diagnosis:
        mistake = known_mistake(result.assignment, slug)
        if mistake is not None:
            found.append((slug, mistake.title or mistake.description, mistake.explanation))
    return found


def render_diagnosis(result: ExerciseResult) -> list[str]:
    """The lines naming the known mistake(s) that reproduce the student's outputs (none when there is none)."""
    found = diagnosed(result)
    if not found:
        return []
    proof = "reproduces your outputs on every failing input the grader replayed"
    if len(found) == 1:
        _, title, explanation = found[0]
        out = [f"  known mistake: {title}"]
        out += [indent(wrap(explanation), "      ")] if explanation else []
        return out + [f"      (it {proof})"]
    out = [f"  known mistake, one of these (each {proof}):"]
    for _, title, explanation in found:
        out.append(f"  * {title}")
        out += [indent(wrap(explanation), "      ")] if explanation else []
    return out


def wrap(text: str, width: int = 100) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.strip().splitlines())
