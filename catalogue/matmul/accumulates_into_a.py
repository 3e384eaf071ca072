"""Computes each row right, then scales the caller's a[i] in place (a[i].mul_(1.5)): the caller's a is changed."""
EXERCISE = "matmul_broadcast"
TITLE = "matmul_broadcast scales the caller's a in place (a[i].mul_)"
EXPLANATION = ("An in-place operation on an argument (a[i].mul_) changes the caller's tensor, so a no longer holds "
               "what was passed in. A matrix product only reads a and b and writes its result into a new tensor c "
               "(lesson 8: broadcasting).")


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        c[i] = (a[i, :, None] * b).sum(0)
        a[i].mul_(1.5)
    return c
