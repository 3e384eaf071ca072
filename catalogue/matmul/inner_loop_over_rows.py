"""The inner loop runs over range(n), the rows of a, instead of range(k)."""
EXERCISE = "matmul"


def matmul(a, b):
    _check_shapes(a, b)
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(min(n, k)):
                c[i, j] += a[i, r] * b[r, j]
    return c
