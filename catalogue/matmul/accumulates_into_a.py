"""Reuses a's storage for the row sums (a[i].mul_(...)), so the caller's a is changed."""
EXERCISE = "matmul_broadcast"


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        c[i] = (a[i, :, None] * b).sum(0)
        a[i].mul_(1.5)
    return c
