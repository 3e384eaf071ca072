"""The notebook path: each assignment's tests run on the definitions of its nbgrader notebook, as in a kernel.

In a notebook the student's "module" is a view of the notebook's globals
(grader.notebook.Namespace), not a module object, and a probe that reaches
the student's code another way than by attribute (a module's `__dict__`) fails
there only. Every assignment's source notebook (the reference's code) is run
cell by cell here, then all its tests on its definitions, with a few examples
each: it must score full marks, as it does in `grader check --impl solutions`.
"""
from __future__ import annotations

import linecache
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, settings

from grader._paths import available_assignments
from grader._report import score
from grader._run import run_tests
from grader.notebook import NotebookImplementation

ROOT = Path(__file__).resolve().parent.parent
# Few examples: what is checked is the path from the notebook to the probes, not the properties again.
settings.register_profile("notebook-smoke", derandomize=True, database=None, deadline=None, max_examples=3,
                          suppress_health_check=list(HealthCheck))


def notebook_namespace(module: str) -> dict:
    """The globals of the source notebook after running its code cells but the kit's test cells, as a kernel would
    (each cell's source registered with linecache, as IPython does, so that inspect.getsource finds it)."""
    notebook = nbformat.read(ROOT / "course" / "source" / module / f"{module}.ipynb", 4)
    namespace = {"__name__": "__main__"}
    for i, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or cell.metadata.get("nbgrader", {}).get("grade"):
            continue
        filename = f"<notebook {module} cell {i}>"
        linecache.cache[filename] = (len(cell.source), None, cell.source.splitlines(keepends=True), filename)
        exec(compile(cell.source, filename, "exec"), namespace)
    return namespace


@pytest.mark.full_tier_only
@pytest.mark.parametrize("module", [m for m in available_assignments(ROOT) if m != "capstone"])  # it trains
def test_the_notebook_s_own_definitions_get_full_marks(module):
    implementation = NotebookImplementation(module, notebook_namespace(module))
    records, output = run_tests(implementation.root, [module], extra=["--hypothesis-profile=notebook-smoke"],
                                implementation=implementation)
    results = score(records, [module])
    assert results and all(r.status == "passed" for r in results), output[-3000:]
