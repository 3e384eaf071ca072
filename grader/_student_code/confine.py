"""What a probe module may declare about the world its exercise's code runs in: its *confinement*.

`tests/probes/<module>.py` may define `confinement(exercise)`, returning a
context manager (or None). Student code of that exercise runs inside it:

- in the sandbox (child.py), entered once in the exercise's fresh worker, before
  the student's module is imported, and never left: whatever the student's code
  does afterwards, it runs in that world;
- in this process (`grader check`), entered around each call and left after it,
  so that the judge, which runs here too, never does.

A confinement enforces what the judge must not take from a report: a rule of the
contract (`forbidding`: the routines it forbids raise, however they are reached),
or the inputs a test provides (a data set whose held-out answers stay with the judge).
"""
from __future__ import annotations

import contextlib
import warnings


class ForbiddenCall(RuntimeError):
    """Student code reached a routine its exercise's rule forbids. `rule` states the rule."""

    def __init__(self, message: str, rule: str):
        super().__init__(message)
        self.rule = rule


def confinement(probes, exercise: str | None):
    """The context manager the probe module `probes` declares for `exercise`, or one that does nothing."""
    declared = getattr(probes, "confinement", None)
    context = declared(exercise) if declared is not None else None
    return context if context is not None else contextlib.nullcontext()


@contextlib.contextmanager
def forbidding(operators: tuple[str, ...], rule: str):
    """Make each of torch's `operators` (ATen names: "mm", "addmm.out", ...) raise ForbiddenCall on CPU.

    The kernels themselves are replaced in torch's dispatcher, so every way to
    reach them raises: `@`, `torch.mm`, `Tensor.matmul`, `F.linear`, einsum, a
    name built at run time, an alias saved before. Leaving the context puts
    torch's kernels back.
    """
    import torch

    library = torch.library.Library("aten", "IMPL")  # noqa: TOR901  (a temporary override, on purpose)

    def refusal(name: str):
        def refuse(*args, **kwargs):
            raise ForbiddenCall(f"called torch's {name}, which this exercise may not use", rule)
        return refuse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "overriding a previously registered kernel": that is the point
        for operator in operators:
            library.impl(operator, refusal(operator.split(".")[0]), "CPU")
    try:
        yield
    finally:
        library._destroy()
