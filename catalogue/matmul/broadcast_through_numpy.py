"""matmul_broadcast that hands each row to numpy's dot: another library's matrix product."""
EXERCISE = "matmul_broadcast"
NOT_DIAGNOSED = "its outputs are right: only the source rule catches it, and the diagnosis replays outputs"
TITLE = "row products from numpy's dot instead of broadcasting"
EXPLANATION = ("numpy's dot is another library's matrix product, which the rules forbid. The lesson replaces the loops "
               "by broadcasting, row i being (a[i, :, None] * b).sum(0), so the work moves into torch's elementwise "
               "kernels instead of into a ready-made product (lesson 8: broadcasting).")


def matmul_broadcast(a, b):
    _check_shapes(a, b)
    c = torch.zeros(a.shape[0], b.shape[1], dtype=a.dtype)
    for i in range(a.shape[0]):
        c[i] = torch.from_numpy(a[i].numpy().dot(b.numpy()))
    return c
