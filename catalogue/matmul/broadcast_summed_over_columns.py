"""Broadcasting along the wrong axis: a[i, None, :] * b.T summed over the columns, with shapes patched to fit."""
EXERCISE = "matmul_broadcast"


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        c[i] = (a[i, :, None] * b).sum(1)[:p] if b.shape[0] >= p else (a[i, :, None] * b).sum(0)
    return c
