"""Lesson 8: matrix multiplication, from three loops to einsum.

Every function takes 2-D float tensors `a` of shape (n, k) and `b` of shape
(k, p) of the same dtype and returns `a @ b`: a tensor of shape (n, p) in that
dtype, where

    c[i, j] = sum over r of a[i, r] * b[r, j].

Each version removes one Python loop from the one before, which is the point of
the lesson: the work moves from the interpreter into torch's compiled kernels
(`python -m benchmarks.matmul` shows by how much).

Rules, checked by the tests (they read this file's source):
- when the inner sizes differ, raise AssertionError or ValueError with a message
  that shows both shapes, e.g. "cannot multiply (2, 3) by (4, 5)";
- none of these functions may use `@`, `matmul`, `mm`, `bmm`, `mv`, `dot`,
  `tensordot`, `inner` or `torch.linalg`; only `matmul_einsum` uses `einsum`;
- `matmul` uses three Python loops, `matmul_elementwise` two,
  `matmul_broadcast` one.
"""
import torch


def _check_shapes(a, b):
    """Raise ValueError, showing both shapes, unless `a @ b` is defined."""
    if a.dim() != 2 or b.dim() != 2 or a.shape[1] != b.shape[0]:
        raise ValueError(f"cannot multiply {tuple(a.shape)} by {tuple(b.shape)}")


def matmul(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """`a @ b` with three Python loops: over rows i, columns j and the inner index r.

    Args:
        a: (n, k) float tensor.
        b: (k, p) float tensor of `a`'s dtype.

    Returns:
        (n, p) tensor of `a`'s dtype with c[i, j] = sum_r a[i, r] * b[r, j].

    Raises:
        AssertionError or ValueError: if k differs between `a` and `b`; the
            message shows both shapes.
    """
    ### BEGIN SOLUTION
    _check_shapes(a, b)
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(k):
                c[i, j] += a[i, r] * b[r, j]
    return c
    ### END SOLUTION


def matmul_elementwise(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """`a @ b` with two Python loops: c[i, j] is row i of `a` times column j of `b`, summed.

    The loop over r becomes one elementwise product and a `.sum()`.

    Args:
        a: (n, k) float tensor.
        b: (k, p) float tensor of `a`'s dtype.

    Returns:
        (n, p) tensor of `a`'s dtype.

    Raises:
        AssertionError or ValueError: if the inner sizes differ (message shows both shapes).
    """
    ### BEGIN SOLUTION
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c
    ### END SOLUTION


def matmul_broadcast(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """`a @ b` with one Python loop, over the rows of `a`, and broadcasting.

    Row i of the result is `(a[i, :, None] * b).sum(0)`: the (k, 1) column of
    a's row broadcasts against the (k, p) matrix `b`, and summing over the k
    axis gives the p entries at once.

    Args:
        a: (n, k) float tensor.
        b: (k, p) float tensor of `a`'s dtype.

    Returns:
        (n, p) tensor of `a`'s dtype.

    Raises:
        AssertionError or ValueError: if the inner sizes differ (message shows both shapes).
    """
    ### BEGIN SOLUTION
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        c[i] = (a[i, :, None] * b).sum(0)
    return c
    ### END SOLUTION


def matmul_einsum(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """`a @ b` as one Einstein summation: `torch.einsum('ik,kj->ij', a, b)`.

    Args:
        a: (n, k) float tensor.
        b: (k, p) float tensor of `a`'s dtype.

    Returns:
        (n, p) tensor of `a`'s dtype.

    Raises:
        AssertionError or ValueError: if the inner sizes differ (message shows both shapes).
    """
    ### BEGIN SOLUTION
    _check_shapes(a, b)
    return torch.einsum("ik,kj->ij", a, b)
    ### END SOLUTION
