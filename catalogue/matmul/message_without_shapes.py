"""The shape check's message says the shapes differ but not what they are."""
EXERCISE = "matmul"


def matmul(a, b):
    assert a.shape[1] == b.shape[0], "inner dimensions do not match"
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(k):
                c[i, j] += a[i, r] * b[r, j]
    return c
