"""No shape check: einsum's own RuntimeError escapes instead of AssertionError/ValueError."""
EXERCISE = "matmul_einsum"
TITLE = "no shape check before einsum"
EXPLANATION = ("With mismatched inner sizes einsum raises its own RuntimeError, which is neither an AssertionError nor "
               "a ValueError and does not show both shapes. Check a.shape[1] == b.shape[0] first and raise with both "
               "shapes in the message, e.g. 'cannot multiply (2, 3) by (4, 5)' (lesson 8: Einstein summation).")


def matmul_einsum(a, b):
    return torch.einsum("ik,kj->ij", a, b)
