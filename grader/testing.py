"""What the kit's tests are written with: the exercise marker and the judges.

Every test carries exactly one `@exercise(name, points=..., hint=...)` marker;
that marker is the single record of which exercise a test grades and what it
is worth, read by `grader check`, `grader verify`, the autograder and the
nbgrader notebooks alike. Judges compare judge-side values (what
`impl.run` returned) with expectations the test computed itself, and raise
`Mismatch` with a message that names the value, the position, expected,
actual and the tolerance.
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from ._outcome import ModuleBroken, NotAttempted, Raised, RuleBroken, StudentError, TimedOut  # noqa: F401  (re-exported)


def exercise(name: str, *, points: int = 1, hint: str | None = None, rule: str | None = None):
    """Mark a test as grading the public name `name`, worth `points`, with a lesson `hint`.

    `rule` names a contract rule the test enforces (a shortcut the contract forbids): while the test
    fails, the exercise scores 0 with status failed, however many of its other tests pass.
    """
    return pytest.mark.exercise(name, points=points, hint=hint, rule=rule)


class Mismatch(AssertionError):
    """Student code returned a wrong value; the message says where and how.

    `hint`, where given, replaces the test's own hint: a problem of another kind
    than the test's property (a result that is not a tensor, a wrong dtype) has
    its own idea to look at.
    """

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


NOT_A_TENSOR = ("return a torch.Tensor, built with torch's operations: not a Python number, a list or a numpy "
                "array, which the next lessons' code cannot call tensor methods on (or differentiate)")
WRONG_DTYPE = ("keep the input's dtype: a new tensor takes dtype=x.dtype (torch.zeros and torch.tensor default to "
               "float32), and a Python float constant must not change it")


def show(value, limit: int = 6) -> str:
    """A short, readable rendering of a value for a failure message."""
    if isinstance(value, np.ndarray):
        return f"a numpy array of dtype {value.dtype} and shape {tuple(value.shape)}"
    if isinstance(value, torch.Tensor):
        flat = value.detach().reshape(-1)
        if value.dim() == 0:
            return f"{value.item():.6g}"
        if flat.numel() <= limit * limit:
            body = str(value.tolist())
        else:
            body = f"[{', '.join(f'{v:.6g}' for v in flat[:limit].tolist())}, ...]"
        return f"tensor{tuple(value.shape)} {value.dtype}: {body}"
    return repr(value)


def expect_tensor(actual, *, what: str, shape=None, dtype=None) -> torch.Tensor:
    """Check that `actual` is a tensor of the given shape and dtype; return it."""
    __tracebackhide__ = True
    if not isinstance(actual, torch.Tensor):
        raise Mismatch(f"{what} should be a tensor, got {show(actual)}", hint=NOT_A_TENSOR)
    if shape is not None and tuple(actual.shape) != tuple(shape):
        raise Mismatch(f"{what} has shape {tuple(actual.shape)}, expected {tuple(shape)}")
    if dtype is not None and actual.dtype != dtype:
        raise Mismatch(f"{what} has dtype {actual.dtype}, expected {dtype} (the input's dtype)", hint=WRONG_DTYPE)
    return actual


def expect_close(actual, expected: torch.Tensor, *, what: str, atol=None, rtol=None,
                 check_dtype: bool = True) -> None:
    """Check shape, dtype and values of `actual` against `expected`.

    `atol` may be a tensor of expected's shape: a per-element bound, for
    results whose rounding error depends on the inputs (a sum of k products).
    Default tolerances are torch.testing's for the dtype. NaN must meet NaN and
    infinities must match exactly.
    """
    __tracebackhide__ = True
    actual = expect_tensor(actual, what=what, shape=expected.shape,
                           dtype=expected.dtype if check_dtype else None)
    default_rtol, default_atol = {torch.float16: (1e-3, 1e-5), torch.float32: (1.3e-6, 1e-5)}.get(
        expected.dtype, (1e-7, 1e-7))
    rtol = default_rtol if rtol is None else rtol
    atol = default_atol if atol is None else atol
    a = actual.to(torch.float64)
    e = expected.to(torch.float64)
    bound = torch.as_tensor(atol, dtype=torch.float64) + rtol * e.abs()
    with torch.no_grad():
        same_special = (a == e) | (a.isnan() & e.isnan())
        # Only where the expectation is finite may the values differ: rtol * inf would allow anything there.
        bad = ~(same_special | (e.isfinite() & ((a - e).abs() <= bound)))
    if bad.any():
        index = tuple(int(i) for i in bad.nonzero()[0])
        where = f"[{', '.join(map(str, index))}]" if index else ""
        n_bad, n = int(bad.sum()), bad.numel()
        raise Mismatch(
            f"{what}{where}: expected {e[index].item():.9g}, actual {a[index].item():.9g} "
            f"(allowed difference {bound[index].item():.3g}; {n_bad} of {n} elements differ)\n"
            f"  expected: {show(expected)}\n  actual:   {show(actual)}")


def expect_raises(outcome, types: tuple[str, ...], *, what: str) -> Raised:
    """Check that `outcome` (from `impl.run(..., expect_error=True)`) is an exception of `types`."""
    __tracebackhide__ = True
    if not isinstance(outcome, Raised):
        raise Mismatch(f"{what} should raise {' or '.join(types)}, but returned {show(outcome)}")
    if not set(types) & set(outcome.kinds or (outcome.type,)):
        raise Mismatch(f"{what} should raise {' or '.join(types)}, but raised "
                       f"{outcome.type}: {outcome.message}")
    return outcome


def student_gradcheck(forward, backward, inputs, what: str) -> None:
    """torch.autograd.gradcheck on a Function made of `forward` and `backward`, in float64.

    `forward(*inputs)` gives the output (torch's, or the student's values through
    a probe); `backward(*inputs, grad_output)` gives one gradient per input (the
    student's, through a probe). gradcheck compares that backward with central
    finite differences of the forward.
    """
    __tracebackhide__ = True

    class Student(torch.autograd.Function):
        @staticmethod
        def forward(ctx, *xs):
            ctx.save_for_backward(*xs)
            return forward(*xs)

        @staticmethod
        def backward(ctx, grad_out):
            return tuple(backward(*ctx.saved_tensors, grad_out))

    inputs = tuple(x.detach().double().requires_grad_() for x in inputs)
    # One plain call first, so a stub or an exception in student code is reported as itself.
    first = backward(*inputs, torch.ones_like(forward(*inputs)))
    for x, g in zip(inputs, first):
        expect_tensor(g, what=f"gradient for an input of shape {tuple(x.shape)}", shape=x.shape)
    if not torch.autograd.gradcheck(Student.apply, inputs, eps=1e-6, atol=1e-5, rtol=1e-4,
                                    raise_exception=False):
        raise Mismatch(f"gradcheck: {what} disagrees with central differences of the forward pass "
                       f"(float64, eps=1e-6)")
