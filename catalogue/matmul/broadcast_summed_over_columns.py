"""Broadcasting summed over the wrong axis: (a[i, :, None] * b).sum(1)[:p] where k >= p (right otherwise)."""
EXERCISE = "matmul_broadcast"
TITLE = "broadcast product summed over b's columns (sum(1)) instead of over k"
EXPLANATION = ("For row i, a[i, :, None] * b is (k, p) with entry [r, j] = a[i, r] * b[r, j], and c[i, j] sums it over "
               "r, axis 0: .sum(0). Summing axis 1 adds along b's rows instead, giving a[i, r] times b's row sums, not "
               "row i of the product (lesson 8: broadcasting).")


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        c[i] = (a[i, :, None] * b).sum(1)[:p] if b.shape[0] >= p else (a[i, :, None] * b).sum(0)
    return c
