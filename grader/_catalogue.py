"""The catalogue of known mistakes (and the folder of correct alternatives), read and put in place.

An entry is `catalogue/<module>/<slug>.py` (or `alternatives/<module>/<slug>.py`):
a docstring saying what the code does, for maintainers; `EXERCISE = "<public
name>"`; for a mistake, `TITLE` and `EXPLANATION`, the words a student reads when
their outputs match it (`grader._diagnosis`), and `NOT_DIAGNOSED`, why not, for
the few whose outputs the diagnosis cannot reproduce; and a definition of that name.
`mistaken_copy` appends the entry to a copy of the solution module, so that its
definition replaces the right one and everything else stays correct: `grader
verify` proves each mistake caught and each alternative accepted on such copies,
and the diagnosis replays a student's failing inputs on them.
"""
from __future__ import annotations

import ast
import contextlib
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ._course import BY_MODULE


@dataclass
class Mistake:
    module: str
    slug: str
    exercise: str
    description: str
    code: str
    title: str = ""
    explanation: str = ""
    not_diagnosed: str = ""  # why the diagnosis cannot replay this mistake, where it cannot


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level `NAME = "text"` assignments (implicit concatenation included)."""
    found = {}
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
            found[node.targets[0].id] = node.value.value
    return found


def load_catalogue(folder: Path, modules: list[str] | None = None) -> list[Mistake]:
    """Every `<module>/<slug>.py` under `folder` (the catalogue, or the correct alternatives), sorted; only
    those of `modules` when given (the diagnosis reads its exercise's entries after each run)."""
    mistakes = []
    paths = folder.glob("*/*.py") if modules is None else [p for m in modules for p in (folder / m).glob("*.py")]
    for path in sorted(paths):
        code = path.read_text(encoding="utf-8")
        tree = ast.parse(code)
        constants = _constants(tree)
        exercise, module = constants.get("EXERCISE"), path.parent.name
        if module not in BY_MODULE or exercise not in BY_MODULE[module].exercises:
            raise ValueError(f"{path}: EXERCISE must be a public name of {module}, got {exercise!r}")
        description = (ast.get_docstring(tree) or "").strip().splitlines()[0]
        mistakes.append(Mistake(module, path.stem, exercise, description, code,
                                constants.get("TITLE", ""), constants.get("EXPLANATION", ""),
                                constants.get("NOT_DIAGNOSED", "")))
    return mistakes


@functools.cache
def _known(folder: Path) -> dict[tuple[str, str], Mistake]:
    return {(m.module, m.slug): m for m in load_catalogue(folder)} if folder.is_dir() else {}


def known_mistake(module: str, slug: str) -> Mistake | None:
    """The kit's catalogue entry `<module>/<slug>`, for its title and explanation (None if there is none)."""
    from ._paths import kit_root

    return _known(kit_root() / "catalogue").get((module, slug))


@contextlib.contextmanager
def mistaken_copy(root: Path, mistake: Mistake):
    """A temporary folder holding `root`'s solutions with `mistake` appended to its module; removed after."""
    with tempfile.TemporaryDirectory(prefix="kit-mistake-") as tmp:
        wrong = Path(tmp)
        for source in (root / "solutions").glob("*.py"):
            shutil.copy(source, wrong / source.name)
        target = wrong / f"{mistake.module}.py"
        target.write_text(target.read_text(encoding="utf-8") + "\n\n# --- known mistake ---\n" + mistake.code,
                          encoding="utf-8")
        yield wrong
