"""matmul_broadcast that cheats with the @ operator, row by row."""
EXERCISE = "matmul_broadcast"
TITLE = "row products computed with the @ operator"
EXPLANATION = ("a[i] @ b is the matrix product itself, which these exercises forbid. matmul_broadcast builds row i by "
               "broadcasting, (a[i, :, None] * b).sum(0): a (k, 1) column against the (k, p) matrix b, summed over k "
               "(lesson 8: broadcasting).")


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    c = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    for i in range(a.shape[0]):
        c[i] = a[i] @ b
    return c
