"""matmul_elementwise that takes row times column with torch.dot instead of an elementwise product and a sum."""
EXERCISE = "matmul_elementwise"
TITLE = "row times column with torch.dot, a forbidden product routine"
EXPLANATION = ("torch.dot is a ready-made product, which the rules forbid. matmul_elementwise replaces the inner loop "
               "by an elementwise product of row i of a and column j of b, then a sum: (a[i, :] * b[:, j]).sum() "
               "(lesson 8: matrix multiplication).")


def matmul_elementwise(a, b):
    _check_shapes(a, b)
    c = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            c[i, j] = torch.dot(a[i], b[:, j])
    return c
