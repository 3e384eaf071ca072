"""matmul_broadcast that hands each row to numpy's dot: another library's matrix product."""
EXERCISE = "matmul_broadcast"


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    c = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    for i in range(a.shape[0]):
        c[i] = torch.from_numpy(a[i].numpy().dot(b.numpy()))
    return c
