"""`grader nbgrader COURSE_DIR`: the course as nbgrader notebooks, from the same solutions/ and tests.

Each assignment becomes `source/<module>/<module>.ipynb`:

- a markdown cell with the module's docstring (the lesson's explanation);
- locked code cells for everything that is not an exercise (imports, helpers);
- per exercise: a markdown cell with its docstring, a solution cell holding the
  reference between nbgrader's `### BEGIN SOLUTION` / `### END SOLUTION`
  markers, and a locked, graded test cell worth the exercise's points that runs
  the kit's tests for that exercise on the notebook's definitions, with more
  examples as nbgrader hidden tests.

Notebooks are written deterministically (fixed cell ids, sorted keys), so
`grader build --check` can tell when they are stale.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat

from ._course import BY_MODULE

CONFIG = '''\
# nbgrader configuration for the Foundations Kit course (written by `grader nbgrader`).
c = get_config()
c.CourseDirectory.course_id = "foundations"
# The test cells run hypothesis property tests; the three-loop matmul is slow.
c.ExecutePreprocessor.timeout = 300
'''


def _metadata(kind: str, grade_id: str, points: int = 0) -> dict:
    nb = {"schema_version": 3, "grade_id": grade_id, "locked": kind != "solution",
          "solution": kind == "solution", "grade": kind == "tests", "task": False}
    if kind == "tests":
        nb["points"] = points
    return {"nbgrader": nb}


def _relative_imports_to_kit(source: str) -> str:
    """`from .learner import X` -> `from solutions.learner import X`: a notebook has no package."""
    return re.sub(r"^(\s*)from \.(\w+) import", r"\1from solutions.\2 import", source, flags=re.MULTILINE)


def make_notebook(module: str, source: str, points: dict[str, int]) -> nbformat.NotebookNode:
    """The source notebook of one assignment, from its solution module's text."""
    assignment = BY_MODULE[module]
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    cells = []

    starts = [min([n.lineno, *[d.lineno for d in getattr(n, "decorator_list", [])]]) for n in tree.body]

    def segment(node) -> str:
        """The node's lines and the comments after it (an END SOLUTION marker), up to the next node."""
        index = tree.body.index(node)
        end = starts[index + 1] - 1 if index + 1 < len(tree.body) else len(lines)
        return "".join(lines[starts[index] - 1:end]).rstrip() + "\n"

    def add(cell):
        cell["id"] = f"{module}-{len(cells):02d}"
        cells.append(cell)

    docstring = ast.get_docstring(tree) or ""
    add(nbformat.v4.new_markdown_cell(f"# Assignment {assignment.number}: `{module}` ({assignment.lesson})\n\n"
                                      + docstring))
    pending: list[str] = []

    def flush():
        if pending:
            add(nbformat.v4.new_code_cell(_relative_imports_to_kit("\n".join(pending)).strip(),
                                          metadata=_metadata("locked", f"{module}_setup_{len(cells)}")))
            pending.clear()

    body = tree.body[1:] if docstring else tree.body
    for node in body:
        name = getattr(node, "name", None)
        if name in assignment.exercises and "### BEGIN SOLUTION" in segment(node):
            flush()
            add(nbformat.v4.new_markdown_cell(f"## `{name}`\n\n" + (ast.get_docstring(node) or "")))
            add(nbformat.v4.new_code_cell(segment(node).rstrip(), metadata=_metadata("solution", f"{name}_solution")))
            add(nbformat.v4.new_code_cell(
                "from grader.notebook import check\n"
                f'check("{module}", "{name}", globals())\n'
                "### BEGIN HIDDEN TESTS\n"
                f'check("{module}", "{name}", globals(), hidden=True)\n'
                "### END HIDDEN TESTS",
                metadata=_metadata("tests", f"{name}_tests", points.get(name, 0))))
        else:
            pending.append(segment(node))
    flush()
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}})
    notebook.nbformat_minor = 5
    return notebook


def render(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook) + "\n"


def course_files(solutions: Path, modules: list[str]) -> dict[str, str]:
    """Relative path -> content of the nbgrader course for these assignments."""
    from ._run import exercise_points

    points = exercise_points(modules)
    files = {"nbgrader_config.py": CONFIG}
    for module in modules:
        text = (solutions / f"{module}.py").read_text(encoding="utf-8")
        mine = {exercise: p for (m, exercise), p in points.items() if m == module}
        files[f"source/{module}/{module}.ipynb"] = render(make_notebook(module, text, mine))
    return files


def stale_course_files(course: Path, files: dict[str, str]) -> list[str]:
    """Relative paths whose content differs from `files`, or notebooks no longer generated."""
    stale = [name for name, content in files.items()
             if not (course / name).is_file() or (course / name).read_text(encoding="utf-8") != content]
    if (course / "source").is_dir():
        stale += sorted(str(p.relative_to(course)) for p in (course / "source").glob("*/*.ipynb")
                        if str(p.relative_to(course)) not in files)
    return stale


def write_course(course: Path, files: dict[str, str]) -> list[str]:
    """Write what differs; return the relative paths written."""
    written = []
    for relative, content in files.items():
        target = course / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            written.append(relative)
    return written
