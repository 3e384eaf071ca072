"""The kit's checks inside a Jupyter notebook: the same tests, against the notebook's own definitions.

    from grader.notebook import check
    check("backprop", "lin_grad", globals())

runs every test of that exercise on the functions defined in the notebook, prints
the same report `grader check` prints, and raises AssertionError unless all pass
(so an nbgrader test cell earns its points only then).
"""
from __future__ import annotations

import ast
import inspect
import textwrap

from ._student_code import CALL_TIMEOUT
from ._student_code.in_process import LocalImplementation


class Namespace:
    """A module-like view of a notebook's globals: probes read and (for stand-ins) set names in it."""

    def __init__(self, namespace: dict):
        object.__setattr__(self, "_namespace", namespace)

    def __getattr__(self, name):
        try:
            return self._namespace[name]
        except KeyError:
            raise AttributeError(f"the notebook defines no {name!r}") from None

    def __setattr__(self, name, value):
        self._namespace[name] = value

    def __delattr__(self, name):  # a probe that put a stand-in where the notebook had no such name takes it away
        try:
            del self._namespace[name]
        except KeyError:
            raise AttributeError(f"the notebook defines no {name!r}") from None


class NotebookImplementation(LocalImplementation):
    """The exercises of one assignment as defined by a notebook's code (its globals)."""

    def __init__(self, assignment: str, namespace: dict, call_timeout: float = CALL_TIMEOUT):
        super().__init__(".", call_timeout=call_timeout)
        self.assignment, self.namespace = assignment, namespace

    def module(self, name: str):
        return Namespace(self.namespace)

    def source(self, module: str) -> str:
        """The notebook's definitions, as source: what was typed for each function and class."""
        parts = []
        for value in list(self.namespace.values()):
            if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ == "__main__":
                try:
                    parts.append(textwrap.dedent(inspect.getsource(value)))
                except (OSError, TypeError):
                    continue
        source = "\n\n".join(parts)
        ast.parse(source)
        return source


def check(assignment: str, exercise: str, namespace: dict, hidden: bool = False) -> None:
    """Run the kit's tests of `exercise` on the notebook's definitions; raise AssertionError unless all pass.

    With `hidden`, run each property test on more examples (nbgrader's hidden tests).
    """
    from ._report import render_diagnosis, render_problem, score
    from ._run import run_tests

    extra = ["--hypothesis-profile=hidden"] if hidden else []
    implementation = NotebookImplementation(assignment, namespace)
    records, output = run_tests(implementation.root, [assignment], exercises=[exercise], extra=extra,
                                implementation=implementation)
    results = score(records, [assignment])
    if not results:
        raise RuntimeError(f"no tests ran for {assignment}.{exercise}:\n{output[-2000:]}")
    result = results[0]
    label = "hidden tests" if hidden else "tests"
    if result.status == "passed":
        print(f"{assignment}.{exercise}: all {label} passed ({result.score}/{result.max_score})")
        return
    report = render_problem(result).strip() if not hidden else "\n".join(
        [f"{assignment}.{exercise}: {result.status.replace('_', ' ')} on the hidden tests", *render_diagnosis(result)])
    raise AssertionError(report)
