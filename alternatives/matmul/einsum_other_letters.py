"""einsum with other index letters and torch.Size in the message."""
EXERCISE = "matmul_einsum"


def matmul_einsum(a, b):
    if a.shape[-1] != b.shape[0]:
        raise AssertionError(f"cannot multiply {a.shape} and {b.shape}")
    return torch.einsum("xy,yz->xz", a, b)
