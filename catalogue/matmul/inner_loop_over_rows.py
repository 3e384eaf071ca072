"""The inner loop runs over range(n), the rows of a, instead of range(k)."""
EXERCISE = "matmul"
TITLE = "inner loop over range(n), a's rows, instead of range(k)"
EXPLANATION = ("The inner index r runs along a row of a and down a column of b, so it takes the k values of the shared "
               "inner size; n counts a's rows. With n < k terms are left out of every sum, and with n > k it indexes "
               "past the end (lesson 8: matrix multiplication).")


def matmul(a, b):
    _check_shapes(a, b)
    (n, k), (_, p) = a.shape, b.shape
    c = torch.zeros(n, p, dtype=a.dtype)
    for i in range(n):
        for j in range(p):
            for r in range(min(n, k)):
                c[i, j] += a[i, r] * b[r, j]
    return c
