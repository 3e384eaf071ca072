"""matmul_einsum through a module-level helper: the lesson's rule follows what each function reaches."""
EXERCISE = "matmul_einsum"


def _summed_over_k(a, b):
    return torch.einsum("ik,kj->ij", a, b)


def matmul_einsum(a, b):
    _check_shapes(a, b)
    return _summed_over_k(a, b)
