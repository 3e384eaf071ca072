"""The shape check's message says the shapes differ but not what they are."""
EXERCISE = "matmul"
TITLE = "shape-check message that does not show the two shapes"
EXPLANATION = ("When the inner sizes differ the error says what the shapes are, e.g. 'cannot multiply (2, 3) by (4, "
               "5)', so the caller sees at once which operand is wrong; a message that only says they do not match "
               "leaves them to find out (lesson 8: matrix multiplication).")


def matmul(a, b):
    assert a.shape[1] == b.shape[0], "inner dimensions do not match"
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(k):
                c[i, j] += a[i, r] * b[r, j]
    return c
