"""matmul_broadcast that cheats with the @ operator, row by row."""
EXERCISE = "matmul_broadcast"


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    c = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    for i in range(a.shape[0]):
        c[i] = a[i] @ b
    return c
