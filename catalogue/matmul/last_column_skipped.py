"""The column loop is range(p - 1): the last column of the result stays zero."""
EXERCISE = "matmul_elementwise"


def matmul_elementwise(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p - 1):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c
