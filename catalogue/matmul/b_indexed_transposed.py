"""b indexed as b[j, r] instead of b[r, j]: right only for square symmetric b."""
EXERCISE = "matmul"
TITLE = "b indexed as b[j, r] instead of b[r, j]"
EXPLANATION = ("c[i, j] = sum over r of a[i, r] * b[r, j]: r runs down column j of b, so it is b's first index. b[j, "
               "r] reads b's transpose, which gives the right product only when b is square and symmetric (lesson 8: "
               "matrix multiplication).")


def matmul(a, b):
    _check_shapes(a, b)
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(k):
                c[i, j] += a[i, r] * b[min(j, k - 1), min(r, p - 1)]
    return c
