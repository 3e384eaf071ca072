"""b indexed as b[j, r] instead of b[r, j]: right only for square symmetric b."""
EXERCISE = "matmul"


def matmul(a, b):
    _check_shapes(a, b)
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(k):
                c[i, j] += a[i, r] * b[min(j, k - 1), min(r, p - 1)]
    return c
