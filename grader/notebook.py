"""The kit's checks inside a Jupyter notebook: the same tests, against the notebook's own definitions.

    from grader.notebook import check
    check("backprop", "lin_grad", globals())

runs every test of that exercise on the functions defined in the notebook, prints
the same report `grader check` prints, and raises AssertionError unless all pass
(so an nbgrader test cell earns its points only then).

    from grader.notebook import watch
    watching = watch("matmul")      # later: watching.stop()

is `grader watch` in a notebook: after every cell that defines or redefines an
exercise of the assignment (or a helper it may call), that exercise's tests run
on the notebook's definitions, and its scoreboard lines, what went wrong and
what changed since its last check print under the cell.
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


class Watcher:
    """Checks the exercises of one assignment again after each cell that changes their definitions (IPython)."""

    def __init__(self, assignment: str, namespace: dict, shell, call_timeout: float = CALL_TIMEOUT):
        from ._course import BY_MODULE

        self.assignment, self.namespace, self.shell, self.call_timeout = assignment, namespace, shell, call_timeout
        self.exercises = BY_MODULE[assignment].exercises
        self.seen: dict[str, object] = {}  # the notebook's functions and classes at the last check, by name
        self.results: dict[str, object] = {}  # each exercise's last result
        shell.events.register("post_run_cell", self.after_cell)

    def stop(self) -> None:
        """Check nothing more."""
        self.shell.events.unregister("post_run_cell", self.after_cell)

    def definitions(self) -> dict[str, object]:
        """The functions and classes the notebook defined, by name (a cell run again binds new objects)."""
        return {name: value for name, value in list(self.namespace.items())
                if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ == "__main__"}

    def changed(self) -> list[str]:
        """The exercises to check again: those redefined, or all that are defined when a helper changed."""
        now = self.definitions()
        names = {n for n in now.keys() | self.seen.keys() if now.get(n) is not self.seen.get(n)}
        self.seen = now
        defined = [e for e in self.exercises if e in now]
        return defined if names - set(self.exercises) else [e for e in defined if e in names]

    def after_cell(self, result=None) -> None:
        if result is not None and not result.success:  # the cell raised: its traceback is what to read first
            self.seen = self.definitions()
            return
        exercises = self.changed()
        if exercises:
            self.check(exercises)

    def check(self, exercises: list[str]) -> None:
        from ._report import render_scoreboard, score
        from ._run import run_tests
        from ._watch import _brief

        implementation = NotebookImplementation(self.assignment, self.namespace, call_timeout=self.call_timeout)
        records, output = run_tests(implementation.root, [self.assignment], exercises=exercises,
                                    implementation=implementation)
        results = score(records, [self.assignment])
        print(f"grader watch: checked {', '.join(exercises)} of {self.assignment}")
        print(render_scoreboard(results), end="")
        for result in results:
            before = self.results.get(result.exercise)
            if before is not None and _brief(before) != _brief(result):
                print(f"{self.assignment}.{result.exercise}: {_brief(before)} -> {_brief(result)}")
            self.results[result.exercise] = result


def watch(assignment: str, namespace: dict | None = None, shell=None, call_timeout: float = CALL_TIMEOUT) -> Watcher:
    """Check `assignment`'s exercises after every cell that (re)defines one of them; `.stop()` the result to end.

    `namespace` defaults to the notebook's globals and `shell` to the running IPython (Jupyter's kernel).
    The exercises the notebook defines already are checked at once.
    """
    if shell is None:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is None:
            raise RuntimeError("grader.notebook.watch needs IPython: run it in a Jupyter notebook (or ipython); "
                               "in a terminal, run `grader watch`")
    watcher = Watcher(assignment, shell.user_ns if namespace is None else namespace, shell, call_timeout)
    print(f"grader watch: {assignment}'s exercises are checked after each cell that defines or changes them "
          f"(.stop() to end)")
    watcher.after_cell()
    return watcher
