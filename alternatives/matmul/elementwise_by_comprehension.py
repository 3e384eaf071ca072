"""Two nested list comprehensions stacking row-times-column sums; message 'a is 2x3, b is 4x5'."""
EXERCISE = "matmul_elementwise"


def matmul_elementwise(a, b):
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"a is {a.shape[0]}x{a.shape[1]}, b is {b.shape[0]}x{b.shape[1]}")
    return torch.stack([torch.stack([(a[i] * b[:, j]).sum() for j in range(b.shape[1])])
                        for i in range(a.shape[0])])
