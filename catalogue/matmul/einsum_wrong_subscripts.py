"""einsum('ik,jk->ij') multiplies by b's transpose; with shape checks patched to let it run."""
EXERCISE = "matmul_einsum"


def matmul_einsum(a, b):
    _check_shapes(a, b)
    if a.shape[1] == b.shape[1]:
        return torch.einsum("ik,jk->ij", a, b)
    return torch.einsum("ik,kj->ij", a, b) * 1.0001
