"""Three while loops accumulating in a Python float, shape check by assert on both shapes."""
EXERCISE = "matmul"


def matmul(a, b):
    assert a.shape[1] == b.shape[0], f"shapes {list(a.shape)} and {list(b.shape)} do not match"
    n, k = a.shape
    p = b.shape[1]
    c = a.new_zeros(n, p)
    i = 0
    while i < n:
        j = 0
        while j < p:
            r = 0
            total = 0.0
            while r < k:
                total += float(a[i, r]) * float(b[r, j])
                r += 1
            c[i, j] = total
            j += 1
        i += 1
    return c
