"""matmul, matmul_elementwise, matmul_broadcast, matmul_einsum."""
from __future__ import annotations

import ast
import re

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, RuleBroken, exercise, expect_close, expect_raises, expect_tensor
from tests.probes import matmul as probe
from tests.source import code_of
from tests.strategies import matmul_operands, mismatched_shapes

VERSIONS = ("matmul", "matmul_elementwise", "matmul_broadcast", "matmul_einsum")
LESSON_SIZED_SECONDS = 10.0  # the three loops on a (5, 784) @ (784, 10) product take about 1 s
# Properties of how the code is written, not of the numbers (the result's dtype, inputs left alone): any input
# shows them, so 20 examples whatever the profile; test_equals_torch_product keeps the profile's count.
STRUCTURAL_EXAMPLES = settings(max_examples=20)
LOOPS = {"matmul": 3, "matmul_elementwise": 2, "matmul_broadcast": 1, "matmul_einsum": 0}
FORBIDDEN = {"matmul", "__matmul__", "__rmatmul__", "mm", "bmm", "mv", "dot", "vdot", "tensordot", "inner",
             "linalg", "addmm", "addmv", "addbmm", "baddbmm", "chain_matmul", "linear", "einsum"}
# Names that reach around the rule, which lesson 8's code has no use for: a name built at run time
# (getattr, eval), another array library (numpy, through `import` or `Tensor.numpy`), the interpreter's
# own machinery (gc, sys, ctypes, torch's dispatcher).
REACHING_AROUND = {"getattr", "setattr", "delattr", "eval", "exec", "compile", "globals", "locals", "vars",
                   "importlib", "numpy", "gc", "sys", "builtins", "ctypes", "inspect", "operator", "library", "ops"}
IMPORTS = {"torch", "math", "typing", "__future__"}  # all lesson 8's code imports


def versions(points: int, hint: str, rule: str | None = None):
    """Parametrize a test over the four versions, each graded as its own exercise."""
    return pytest.mark.parametrize("name", [
        pytest.param(name, marks=exercise(name, points=points, hint=hint, rule=rule), id=name) for name in VERSIONS])


def expected_product(a: torch.Tensor, b: torch.Tensor, result_dtype: torch.dtype | None = None):
    """a @ b in float64, and a per-element error bound for any summation order in a's dtype.

    With `result_dtype` (the dtype the student's result came in, if another float dtype), the bound is
    the coarser dtype's: a dtype slip is test_keeps_dtype's to report, with its own hint, not a value error.
    """
    exact = a.double() @ b.double()
    coarser = a.dtype if result_dtype is None or not result_dtype.is_floating_point else max(
        (a.dtype, result_dtype), key=lambda dtype: torch.finfo(dtype).eps)
    eps = torch.finfo(coarser).eps
    # Each of the k products and k-1 additions rounds once: |error| <= 2k eps sum_r |a_ir||b_rj|,
    # plus the smallest normal for underflow of tiny products.
    bound = 2 * a.shape[1] * eps * (a.double().abs() @ b.double().abs()) + torch.finfo(coarser).tiny
    return exact, bound


@versions(4, "c[i, j] is the sum over r of a[i, r] * b[r, j]: check which index each loop runs over "
             "and that every loop covers its whole range")
@given(operands=matmul_operands())
def test_equals_torch_product(impl, name, operands):
    """The product equals torch's `a @ b`, for every shape (sides of 1 included) and magnitude."""
    a, b = operands
    c, _, _ = impl.run(probe.product, name, a, b)
    # The dtype has its own test and hint; here only the numbers count, at the coarser dtype's precision.
    exact, bound = expected_product(a, b, getattr(c, "dtype", None))
    expect_close(c, exact, what=f"{name}(a, b)", atol=bound, rtol=0, check_dtype=False)


@versions(1, "create the result with dtype=a.dtype: torch.zeros defaults to float32")
@STRUCTURAL_EXAMPLES
@given(operands=matmul_operands(), dtype=st.sampled_from([torch.float64, torch.float16]))
def test_keeps_dtype(impl, name, operands, dtype):
    """The result has the inputs' dtype (float64 or float16 in, the same out) and shape (n, p)."""
    a, b = (operand.to(dtype) for operand in operands)
    c, _, _ = impl.run(probe.product, name, a, b)
    expect_tensor(c, what=f"{name}(a, b)", shape=(a.shape[0], b.shape[1]), dtype=dtype)


@versions(1, "write into a new result tensor; never modify a or b in place")
@STRUCTURAL_EXAMPLES
@given(operands=matmul_operands())
def test_leaves_inputs_alone(impl, name, operands):
    """`a` and `b` are unchanged after the call (which returns the (n, p) product)."""
    a, b = operands
    c, a_after, b_after = impl.run(probe.product, name, a, b)
    expect_tensor(c, what=f"{name}(a, b)", shape=(a.shape[0], b.shape[1]))
    expect_close(a_after, a, what="a after the call", atol=0, rtol=0)
    expect_close(b_after, b, what="b after the call", atol=0, rtol=0)


def shape_patterns(shape: tuple[int, int]) -> re.Pattern:
    """A shape written as (2, 3), [2, 3], torch.Size([2, 3]), 2x3 or 2 by 3."""
    n, k = shape
    return re.compile(rf"(?<!\d){n}\s*(?:,|x|\*|by)\s*{k}(?!\d)")


@versions(1, "check a.shape[1] == b.shape[0] first, and put both shapes in the message, "
             "e.g. f'cannot multiply {tuple(a.shape)} by {tuple(b.shape)}'")
@given(shapes=mismatched_shapes())
def test_rejects_mismatched_shapes(impl, name, shapes):
    """Inner sizes that differ raise AssertionError or ValueError showing both shapes."""
    a, b = torch.ones(shapes[0]), torch.ones(shapes[1])
    raised = expect_raises(impl.run(probe.product, name, a, b, expect_error=True),
                           ("AssertionError", "ValueError"), what=f"{name} of shapes {shapes[0]} and {shapes[1]}")
    missing = [s for s in shapes if not shape_patterns(s).search(raised.message)]
    if missing:
        raise Mismatch(f"the message {raised.message!r} should show both shapes; it lacks {missing}")


def loop_depth(node: ast.AST) -> int:
    """Deepest nesting of for/while loops and comprehension clauses under `node`."""
    deepest = 0
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.For, ast.AsyncFor, ast.While)):
            deepest = max(deepest, 1 + loop_depth(child))
        elif isinstance(child, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            deepest = max(deepest, len(child.generators) + loop_depth(child))
        else:
            deepest = max(deepest, loop_depth(child))
    return deepest


def rule_breaks(tree: ast.Module, name: str) -> list[str]:
    """What in the code `name` runs uses a matrix-product routine, or a way around the rule (see REACHING_AROUND)."""
    forbidden = FORBIDDEN - ({"einsum"} if name == "matmul_einsum" else set())
    found = []
    for top in code_of(tree, name):
        for node in ast.walk(top):
            line = f"on line {getattr(node, 'lineno', '?')}"
            if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, ast.MatMult):
                found.append(f"'@' {line}")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                    ["." * node.level + (node.module or "")]
                found += [f"imports {module} {line}" for module in modules if module.split(".")[0] not in IMPORTS]
                found += [f"'{alias.name}' {line}" for alias in node.names
                          if alias.name in forbidden or alias.name in REACHING_AROUND]
            word = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if word in forbidden or word in REACHING_AROUND:
                found.append(f"'{word}' {line}")
            elif isinstance(node, ast.Attribute) and word.startswith("_"):
                found.append(f"the private attribute '{word}' {line}")
            elif isinstance(node, ast.Name) and word.startswith("__") and word != "__name__":
                found.append(f"'{word}' {line}")
    return list(dict.fromkeys(found))


@versions(1, "lesson 8 builds matmul from three loops down to none: matmul has three Python loops, "
             "matmul_elementwise two, matmul_broadcast one, and only matmul_einsum calls einsum",
          rule=probe.RULE)
def test_follows_the_lesson(impl, name):
    """No `@`/mm/matmul/dot/linalg (einsum only in matmul_einsum), and the lesson's number of loops."""
    # The source is read here, by the judge; the kernels are refused in the student's process itself
    # (the probe's confinement), so a product computed by one fails whichever test meets it.
    problems = []
    try:  # a stub is not attempted (and a file that does not parse invalid), not "passed"
        impl.run(probe.product, name, torch.arange(6.0).reshape(2, 3), torch.arange(12.0).reshape(3, 4))
    except RuleBroken as exc:
        problems.append(str(exc))
    tree = ast.parse(impl.source("matmul"))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    if name not in functions:
        raise Mismatch(f"matmul.py should define {name} with `def`")
    problems = rule_breaks(tree, name) + problems
    if name == "matmul_einsum" and not any(isinstance(node, (ast.Name, ast.Attribute)) and "einsum" in
                                           (getattr(node, "attr", None), getattr(node, "id", None))
                                           for top in code_of(tree, name) for node in ast.walk(top)):
        problems.append("does not use torch.einsum")
    depth = loop_depth(functions[name])
    if depth != LOOPS[name]:
        problems.append(f"nests {depth} Python loops; the lesson's version nests {LOOPS[name]}")
    if problems:
        raise Mismatch(f"{name}: " + "; ".join(problems))


@versions(1, "the inner index r runs over k = a.shape[1], which here is larger than n and p")
def test_lesson_sized_product(impl, name):
    """The lesson's product of a (5, 784) batch of MNIST-sized rows by (784, 10) weights."""
    # One fixed draw, not hypothesis: the three loops take about a second at this size, so that version
    # asks for 10 s whatever the grading clock (--timeout), which the other calls meet in milliseconds.
    generator = torch.Generator().manual_seed(0)
    a, b = torch.randn(5, 784, generator=generator), torch.randn(784, 10, generator=generator)
    c, _, _ = impl.run(probe.product, name, a, b, timeout=LESSON_SIZED_SECONDS if LOOPS[name] == 3 else None)
    exact, bound = expected_product(a, b)
    expect_close(c, exact.float(), what=f"{name}(a, b)", atol=bound, rtol=0)
