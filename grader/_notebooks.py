"""Reading students' nbgrader notebooks in the trusted process: nbformat only, never a kernel.

A notebook becomes the module it stands for: its code cells in order, minus
the kit's test cells (which call `grader.notebook.check`; nbgrader metadata is
not trusted, since students can edit it), with IPython magics
and shell escapes commented out and `from solutions.X import` turned back into
the package's relative import. Anything that is not a readable notebook gets
a status and a reason instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ._course import BY_MODULE

MAX_NOTEBOOK = 20 * 2**20  # bytes; outputs of a runaway cell can make a notebook huge
TEST_CALL = re.compile(r"grader\.notebook|^\s*check\(", re.MULTILINE)


@dataclass
class Extracted:
    module: str
    source: str | None       # None when the notebook cannot be used
    problem: str = ""        # why not, for the feedback


def _is_test_cell(cell) -> bool:
    """A cell of the kit's checks, known by what it calls: metadata is the student's to edit, so not by that."""
    source = cell.get("source", "")
    return bool(TEST_CALL.search(source if isinstance(source, str) else "".join(source)))


def _plain_python(source: str) -> str:
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        lines.append(f"# (IPython only) {line}" if stripped.startswith(("%", "!")) else line)
    text = "\n".join(lines)
    return re.sub(r"^(\s*)from solutions\.(\w+) import", r"\1from .\2 import", text, flags=re.MULTILINE)


def extract(path: Path, module: str) -> Extracted:
    """The module a student's notebook defines, or why it cannot be read."""
    try:
        if path.is_symlink() or not path.is_file():
            return Extracted(module, None, f"{path.name} is not a plain file")
        if path.stat().st_size > MAX_NOTEBOOK:
            return Extracted(module, None, f"{path.name} is larger than {MAX_NOTEBOOK // 2**20} MiB")
        notebook = nbformat.read(str(path), as_version=4)
        nbformat.validate(notebook)  # read() only warns: a cell whose source is not text must stop here
    except Exception as exc:  # noqa: BLE001  (invalid JSON, unknown nbformat, bad encoding: all the same here)
        return Extracted(module, None, f"{path.name} is not a readable notebook ({type(exc).__name__}: "
                                       f"{str(exc)[:200]})")
    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code" or _is_test_cell(cell):
            continue
        source = cell.get("source", "")
        cells.append(_plain_python(source if isinstance(source, str) else "".join(source)))
    return Extracted(module, "\n\n".join(cells) + "\n")


def notebooks_of(student: Path) -> dict[str, Path]:
    """{module: notebook} for nbgrader's `<assignment>/*.ipynb` folders in one student's folder; {} if none.

    The notebook named after its assignment is preferred, else the first by name.
    """
    notebooks = {}
    try:
        folders = sorted(p for p in student.iterdir() if p.name in BY_MODULE and p.is_dir() and not p.is_symlink())
    except OSError:
        return {}
    for folder in folders:
        try:
            candidates = sorted(folder.glob("*.ipynb"))
        except OSError:
            continue
        if candidates:
            preferred = folder / f"{folder.name}.ipynb"
            notebooks[folder.name] = preferred if preferred in candidates else candidates[0]
    return notebooks


def write_modules(notebooks: dict[str, Path], folder: Path) -> dict[str, str]:
    """Write `<module>.py` for each readable notebook into `folder`; return {module: problem} for the rest."""
    folder.mkdir(parents=True, exist_ok=True)
    problems = {}
    for module, path in notebooks.items():
        extracted = extract(path, module)
        if extracted.source is None:
            problems[module] = extracted.problem
        else:
            (folder / f"{module}.py").write_text(extracted.source, encoding="utf-8")
    return problems
