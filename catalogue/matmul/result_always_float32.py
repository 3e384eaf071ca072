"""The result is made with torch.zeros(n, p), so float64 inputs come back as float32."""
EXERCISE = "matmul_elementwise"


def matmul_elementwise(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p)
    for i in range(n):
        for j in range(p):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c
