"""`grader build`: generate the students' `assignments/` from `solutions/`.

Each `### BEGIN SOLUTION` ... `### END SOLUTION` region becomes one line,
`raise NotImplementedError(...)` at the marker's indentation, naming the lesson,
the assignment and the exercise (the function or method around the region).
Everything outside the regions, docstrings included, is kept as written.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from ._course import BY_MODULE

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


class BuildError(ValueError):
    """A solution file whose markers cannot be turned into stubs."""


def enclosing_names(tree: ast.Module) -> dict[int, str]:
    """Line number -> qualified name of the innermost def/class containing it."""
    names: dict[int, str] = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qualname = f"{prefix}{child.name}"
                for line in range(child.lineno, child.end_lineno + 1):
                    names[line] = qualname
                visit(child, qualname + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return names


def make_stub(text: str, module: str, filename: str = "") -> str:
    """The student's version of one solution module's source."""
    where = filename or f"{module}.py"
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise BuildError(f"{where} line {exc.lineno}: {exc.msg}") from None
    names = enclosing_names(tree)
    assignment = BY_MODULE.get(module)
    label = f"{assignment.lesson}, assignment {assignment.number} {module}" if assignment else module
    out: list[str] = []
    begin_line = None
    indent = ""
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        marker = line.strip()
        if marker == BEGIN:
            if begin_line is not None:
                raise BuildError(f"{where} line {number}: {BEGIN} inside the region opened on line {begin_line}")
            begin_line, indent = number, line[: len(line) - len(line.lstrip())]
            exercise = names.get(number)
            if exercise is None:
                raise BuildError(f"{where} line {number}: a solution region must sit inside a def or class")
            out.append(f'{indent}raise NotImplementedError("{label}: write {exercise}")\n')
        elif marker == END:
            if begin_line is None:
                raise BuildError(f"{where} line {number}: {END} without {BEGIN}")
            if line[: len(line) - len(line.lstrip())] != indent:
                raise BuildError(f"{where} line {number}: {END} is not indented like its {BEGIN} "
                                 f"(line {begin_line})")
            begin_line = None
        elif begin_line is None:
            out.append(line)
    if begin_line is not None:
        raise BuildError(f"{where} line {begin_line}: {BEGIN} is never closed")
    stub = "".join(out)
    try:
        ast.parse(stub)
    except SyntaxError as exc:
        raise BuildError(f"{where}: the stub does not parse (line {exc.lineno}: {exc.msg})") from None
    return stub


@dataclass
class Plan:
    """What `build` would write, and what in the target is stale."""

    files: dict[str, str]  # relative path -> content
    stale: list[str]       # relative paths that differ from `files`, or should not exist


def plan(solutions: Path, assignments: Path) -> Plan:
    files = {}
    for source in sorted(solutions.glob("*.py")):
        files[source.name] = make_stub(source.read_text(encoding="utf-8"), source.stem,
                                       f"{solutions.name}/{source.name}")
    stale = [name for name, content in files.items()
             if not (assignments / name).is_file() or (assignments / name).read_text(encoding="utf-8") != content]
    if assignments.is_dir():
        stale += sorted(p.name for p in assignments.glob("*.py") if p.name not in files)
    return Plan(files, stale)


def write(build: Plan, assignments: Path) -> None:
    assignments.mkdir(parents=True, exist_ok=True)
    for name in build.stale:
        target = assignments / name
        if name in build.files:
            target.write_text(build.files[name], encoding="utf-8")
        else:
            target.unlink()
