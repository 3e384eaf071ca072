"""The result is made with torch.zeros(n, p), so float64 inputs come back as float32."""
EXERCISE = "matmul_elementwise"
TITLE = "result made with torch.zeros(n, p), in the default float32"
EXPLANATION = ("torch.zeros(n, p) uses torch's default dtype, float32, so float64 inputs come back rounded to float32. "
               "Make the result in the inputs' dtype: torch.zeros(n, p, dtype=a.dtype) (lesson 8: matrix "
               "multiplication).")


def matmul_elementwise(a, b):
    _check_shapes(a, b)
    (n, _), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p)
    for i in range(n):
        for j in range(p):
            c[i, j] = (a[i, :] * b[:, j]).sum()
    return c
