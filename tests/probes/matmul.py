"""Probes for matmul, and the world its exercises run in (their confinement)."""
from grader._student_code.confine import forbidding

# Lesson 8's rule for the three loop versions: no matrix-product routine. These are torch's kernels that
# compute one (every overload: `out=`, in place, dtype): `@`, matmul, mm, mv, dot, tensordot, inner,
# einsum, linear, multi_dot and the rest of torch.linalg's products all end in them.
MATRIX_PRODUCTS = ("mm", "bmm", "addmm", "addmm_", "addmv", "addmv_", "mv", "dot", "vdot", "addbmm", "addbmm_",
                   "baddbmm", "baddbmm_", "_addmm_activation", "linalg_vecdot")
# The rule, as students read it; tests/test_matmul.py checks the source against it, and the confinement
# below refuses the kernels at run time.
RULE = ("lesson 8: each version computes the product its own way (matmul with three Python loops, "
        "matmul_elementwise two, matmul_broadcast one, matmul_einsum with einsum), with no matrix-product "
        "routine (@, matmul, mm, bmm, mv, dot, tensordot, inner, linear, torch.linalg; einsum only in "
        "matmul_einsum) and nothing that reaches around the rule (getattr, eval, another array library, "
        "private attributes)")
_overloads: tuple[str, ...] | None = None


def _matrix_product_overloads() -> tuple[str, ...]:
    """Every overload of MATRIX_PRODUCTS torch registers ("mm", "mm.out", "mm.dtype", ...), listed once."""
    global _overloads
    if _overloads is None:
        import torch

        names = (name.removeprefix("aten::") for name in torch._C._dispatch_get_all_op_names())
        _overloads = tuple(sorted(name for name in names if name.split(".")[0] in MATRIX_PRODUCTS))
    return _overloads


def confinement(exercise):
    """The loop versions run with torch's matrix-product kernels raising (matmul_einsum needs them: einsum)."""
    if exercise in ("matmul", "matmul_elementwise", "matmul_broadcast"):
        return forbidding(_matrix_product_overloads(), RULE)
    return None


def product(m, name, a, b):
    """`m.<name>(a, b)`, with both inputs as they were after the call (to catch in-place edits)."""
    c = getattr(m, name)(a, b)
    return [c, a, b]
