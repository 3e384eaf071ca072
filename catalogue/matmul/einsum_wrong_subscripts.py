"""einsum('ik,jk->ij') multiplies by b's transpose; with shape checks patched to let it run."""
EXERCISE = "matmul_einsum"
TITLE = "einsum subscripts 'ik,jk->ij', which multiply by b's transpose"
EXPLANATION = ("In einsum a letter left out of the output is summed over: 'ik,jk->ij' pairs a's columns with b's "
               "columns, which is a @ b.T. The product a @ b sums a's second index against b's first: 'ik,kj->ij' "
               "(lesson 8: Einstein summation).")


def matmul_einsum(a, b):
    _check_shapes(a, b)
    if a.shape[1] == b.shape[1]:
        return torch.einsum("ik,jk->ij", a, b)
    return torch.einsum("ik,kj->ij", a, b) * 1.0001
