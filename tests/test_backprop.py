"""backprop: the lesson's forward and backward passes, checked against torch.autograd."""
from __future__ import annotations

import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.probes import backprop as probe
from tests.strategies import layer, network, networks, predictions, same_shape_pair

SET_G = ("store each gradient in its tensor's .g attribute (inp.g = ..., w.g = ...), as the lesson does: the "
         "*_grad functions return nothing")
UNCHANGED_HINT = ("compute into new tensors: in-place operations (x += ..., x[mask] = 0, clamp_min_, unsqueeze_, "
                  "zero_) on an argument, or on a tensor that is one (g = out.g; g *= ...), change the caller's "
                  "tensors, and the lesson's backward pass reads them again")
TWICE_HINT = ("each call sets .g to this call's gradient (inp.g = ...): it must not add to a .g left by an "
              "earlier call (torch's .grad accumulates, the lesson's .g does not) nor keep an earlier result")


def tolerance(expected: torch.Tensor, dtype: torch.dtype, terms: int = 1) -> dict:
    """rtol/atol for a result computed in `dtype` by sums of `terms` products, judged against float64."""
    eps = torch.finfo(dtype).eps
    scale = 1.0 + float(expected.detach().abs().max()) if expected.numel() else 1.0
    return {"rtol": 8 * terms * eps, "atol": 8 * terms * eps * scale}


def expect_grads(actual: list, expected: list, names: list[str], dtype, terms: int = 1, call: str = "") -> None:
    """Compare each `.g` with autograd's, in the input's dtype and shape; `call` says which call it was."""
    __tracebackhide__ = True
    for got, want, name in zip(actual, expected, names):
        if got is None:
            raise Mismatch(f"{name}.g was not set{call}", hint=SET_G)
        expect_close(got, want.to(dtype), what=f"{name}.g{call}", **tolerance(want, dtype, terms))


def student_grad(got, name: str, shape) -> torch.Tensor:
    """The student's `.g` for gradcheck's backward: a tensor of its input's shape, checked before any arithmetic."""
    __tracebackhide__ = True
    if got is None:
        raise Mismatch(f"{name}.g was not set", hint=SET_G)
    return expect_tensor(got, what=f"{name}.g", shape=shape)


def expect_unchanged(after: dict, sent: dict, call: str) -> None:
    """Each argument, as the probe found it after the call, equals exactly what the test sent."""
    __tracebackhide__ = True
    for name, value in sent.items():
        got = after.get(name)
        if got is None:
            raise Mismatch(f"{name} is gone after {call}")
        expect_close(got, value, what=f"{name} after {call}", atol=0, rtol=0)


def autograd(function, *inputs):
    """`function` applied to float64 leaf copies of `inputs`: (output, leaves), ready for `.backward()`."""
    leaves = [x.detach().double().requires_grad_() for x in inputs]
    out = function(*leaves)
    return out, leaves


def gradcheck_inputs(seed: int, *shapes, away_from_zero: bool = False):
    """float64 normal tensors of the given shapes, from `seed`; optionally no entry within 1e-3 of 0."""
    generator = torch.Generator().manual_seed(seed)
    tensors = [torch.randn(shape, generator=generator, dtype=torch.float64) for shape in shapes]
    if away_from_zero:  # finite differences straddling relu's kink would not be a derivative
        assume(all(bool((t.abs() > 1e-3).all()) for t in tensors))
    return tensors


gradcheck_settings = settings(max_examples=8)  # gradcheck makes one call per output element
seeds = st.integers(0, 2**32 - 1)


# --- lin -----------------------------------------------------------------------------------------

@exercise("lin", points=3, hint="lin is x @ w + b with w of shape (n_in, n_out): no transpose, and b "
                                "broadcasts over the batch")
@given(args=layer())
def test_lin_equals_torch(impl, args):
    """lin(x, w, b) equals x @ w + b, in x's dtype, batch of one included."""
    x, w, b, _ = args
    out, _ = impl.run(probe.call, "lin", x, w, b)
    expected = x.double() @ w.double() + b.double()
    expect_close(out, expected.to(x.dtype), what="lin(x, w, b)", **tolerance(expected, x.dtype, w.shape[0]))


@exercise("lin", points=1, hint=UNCHANGED_HINT)
@given(args=layer())
def test_lin_leaves_its_arguments_unchanged(impl, args):
    """lin(x, w, b) leaves x, w and b as they were: same shapes, same values."""
    x, w, b, _ = args
    _, (x_after, w_after, b_after) = impl.run(probe.call, "lin", x, w, b)
    expect_unchanged({"x": x_after, "w": w_after, "b": b_after}, {"x": x, "w": w, "b": b}, "lin(x, w, b)")


# --- relu ----------------------------------------------------------------------------------------

@exercise("relu", points=2, hint="relu is max(x, 0) elementwise, returned as a new tensor: "
                                 "x.clamp_min(0.) (clamp_min_ would change x itself)")
@given(args=same_shape_pair())
def test_relu_equals_torch(impl, args):
    """relu(x) equals torch.relu(x) for any shape, zeros included, and leaves x unchanged."""
    x, _ = args
    out, (x_after,) = impl.run(probe.call, "relu", x)
    expect_close(out, torch.relu(x), what="relu(x)", atol=0, rtol=0)
    expect_close(x_after, x, what="x after relu(x)", atol=0, rtol=0)


# --- mse -----------------------------------------------------------------------------------------

@exercise("mse", points=2, hint="take output[:, 0] (or squeeze the last axis) first: output - targ "
                                "broadcasts (N, 1) against (N,) into an (N, N) matrix")
@given(args=predictions())
def test_mse_equals_torch(impl, args):
    """mse(output, targ) equals F.mse_loss(output[:, 0], targ): a 0-dim tensor, batch of one included."""
    output, targ = args
    loss, _ = impl.run(probe.call, "mse", output, targ)
    expected = F.mse_loss(output[:, 0].double(), targ.double())
    expect_close(loss, expected.to(output.dtype), what="mse(output, targ)",
                 **tolerance(expected, output.dtype, len(targ)))


@exercise("mse", points=1, hint=UNCHANGED_HINT)
@given(args=predictions())
def test_mse_leaves_its_arguments_unchanged(impl, args):
    """mse(output, targ) leaves output and targ as they were: same shapes, same values."""
    output, targ = args
    _, (output_after, targ_after) = impl.run(probe.call, "mse", output, targ)
    expect_unchanged({"output": output_after, "targ": targ_after}, {"output": output, "targ": targ},
                     "mse(output, targ)")


# --- mse_grad ------------------------------------------------------------------------------------

@exercise("mse_grad", points=3, hint="d/dx of mean((x - t)**2) is 2 * (x - t) / N: keep the factor 2, "
                                     "divide by the batch size, and give inp.g inp's shape (N, 1)")
@given(args=predictions())
def test_mse_grad_equals_autograd(impl, args):
    """inp.g equals autograd's gradient of mse with respect to the (N, 1) predictions."""
    output, targ = args
    got = impl.run(probe.mse_grad, output, targ)
    loss, (leaf, _) = autograd(lambda o, t: F.mse_loss(o[:, 0], t), output, targ)
    loss.backward()
    expect_grads([got], [leaf.grad], ["inp"], output.dtype, len(targ))


@exercise("mse_grad", points=1, hint="compare your formula with the derivative of the loss, element by element")
@gradcheck_settings
@given(seed=seeds, n=st.integers(1, 6))
def test_mse_grad_passes_gradcheck(impl, seed, n):
    """In float64, mse_grad agrees with torch.autograd.gradcheck's finite differences."""
    inp, targ = gradcheck_inputs(seed, (n, 1), (n,))

    def backward(x, g):
        return [g * student_grad(impl.run(probe.mse_grad, x, targ), "inp", x.shape)]

    student_gradcheck(lambda x: F.mse_loss(x[:, 0], targ), backward, (inp,), "mse_grad")


@exercise("mse_grad", points=2, hint=TWICE_HINT)
@given(args=predictions(targets=2))
def test_mse_grad_twice_sets_the_gradient_again(impl, args):
    """Called twice on the same inp (a new targ the second time), mse_grad leaves each call's own gradient in inp.g."""
    output, targ, targ2 = args
    got = impl.run(probe.mse_grad_twice, output, targ, targ2)
    for call, (target, grad) in enumerate(zip((targ, targ2), got), start=1):
        loss, (leaf, _) = autograd(lambda o, t: F.mse_loss(o[:, 0], t), output, target)
        loss.backward()
        expect_grads([grad], [leaf.grad], ["inp"], output.dtype, len(targ), call=f" after call {call} of 2")


@exercise("mse_grad", points=1, hint=UNCHANGED_HINT)
@given(args=predictions())
def test_mse_grad_leaves_its_arguments_unchanged(impl, args):
    """mse_grad(inp, targ) leaves the values and shapes of inp and targ as they were (it only sets inp.g)."""
    output, targ = args
    after = impl.run(probe.mse_grad_after, output, targ)
    expect_unchanged(after, {"inp": output, "targ": targ}, "mse_grad(inp, targ)")


# --- relu_grad -----------------------------------------------------------------------------------

@exercise("relu_grad", points=3, hint="relu's gradient at exactly 0 is 0 in this course (and in torch): "
                                      "use inp > 0, not inp >= 0, then multiply by out.g")
@given(args=same_shape_pair())
def test_relu_grad_equals_autograd(impl, args):
    """inp.g = out.g where inp > 0, and 0 elsewhere, exactly 0 included; any shape."""
    inp, out_g = args
    got = impl.run(probe.relu_grad, inp, torch.relu(inp), out_g)
    out, (leaf,) = autograd(torch.relu, inp)
    out.backward(out_g.double())
    expect_grads([got], [leaf.grad], ["inp"], inp.dtype)


@exercise("relu_grad", points=1, hint="the chain rule multiplies relu's derivative by the gradient arriving "
                                      "from above (out.g)")
@gradcheck_settings
@given(seed=seeds, n=st.integers(1, 4), m=st.integers(1, 4))
def test_relu_grad_passes_gradcheck(impl, seed, n, m):
    """In float64 and away from the kink, relu_grad agrees with gradcheck's finite differences."""
    (inp,) = gradcheck_inputs(seed, (n, m), away_from_zero=True)

    def backward(x, g):
        return [student_grad(impl.run(probe.relu_grad, x, torch.relu(x), g), "inp", x.shape)]

    student_gradcheck(torch.relu, backward, (inp,), "relu_grad")


@exercise("relu_grad", points=2, hint=TWICE_HINT)
@given(args=same_shape_pair(gradients=2))
def test_relu_grad_twice_sets_the_gradient_again(impl, args):
    """Called twice on the same inp and out, with out.g set anew in between, inp.g is each call's own gradient."""
    inp, out_g, out_g2 = args
    got = impl.run(probe.relu_grad_twice, inp, torch.relu(inp), out_g, out_g2)
    for call, (upstream, grad) in enumerate(zip((out_g, out_g2), got), start=1):
        out, (leaf,) = autograd(torch.relu, inp)
        out.backward(upstream.double())
        expect_grads([grad], [leaf.grad], ["inp"], inp.dtype, call=f" after call {call} of 2")


@exercise("relu_grad", points=1, hint=UNCHANGED_HINT)
@given(args=same_shape_pair())
def test_relu_grad_leaves_its_arguments_unchanged(impl, args):
    """relu_grad(inp, out) leaves inp, out and the upstream gradient out.g exactly as they were."""
    inp, out_g = args
    out = torch.relu(inp)
    after = impl.run(probe.relu_grad_after, inp, out, out_g)
    expect_unchanged(after, {"inp": inp, "out": out, "out.g": out_g, "the tensor given as out.g": out_g},
                     "relu_grad(inp, out)")


# --- lin_grad ------------------------------------------------------------------------------------

@exercise("lin_grad", points=4, hint="with G = out.g: inp.g = G @ w.T, w.g = inp.T @ G (shape of w), "
                                     "b.g = G.sum(0): summed over the batch, not averaged")
@given(args=layer())
def test_lin_grad_equals_autograd(impl, args):
    """inp.g, w.g and b.g equal autograd's for out = inp @ w + b, with their tensors' shapes."""
    inp, w, b, out_g = args
    out_plain = inp @ w + b
    got = impl.run(probe.lin_grad, inp, out_plain, out_g, w, b)
    out, leaves = autograd(lambda x, w_, b_: x @ w_ + b_, inp, w, b)
    out.backward(out_g.double())
    terms = max(inp.shape[0], w.shape[1])
    expect_grads(got, [leaf.grad for leaf in leaves], ["inp", "w", "b"], inp.dtype, terms)


@exercise("lin_grad", points=1, hint="each gradient has the shape of its tensor, and sums over everything "
                                     "that tensor was broadcast or multiplied across")
@gradcheck_settings
@given(seed=seeds, n=st.integers(1, 3), n_in=st.integers(1, 3), n_out=st.integers(1, 3))
def test_lin_grad_passes_gradcheck(impl, seed, n, n_in, n_out):
    """In float64, lin_grad agrees with gradcheck's finite differences for inp, w and b."""
    inputs = gradcheck_inputs(seed, (n, n_in), (n_in, n_out), (n_out,))

    def backward(x, w, b, g):
        got = impl.run(probe.lin_grad, x, x @ w + b, g, w, b)
        return [student_grad(grad, name, t.shape) for grad, name, t in zip(got, ["inp", "w", "b"], (x, w, b))]

    student_gradcheck(lambda x, w, b: x @ w + b, backward, inputs, "lin_grad")


@exercise("lin_grad", points=2, hint=TWICE_HINT)
@given(args=layer(upstream=2))
def test_lin_grad_twice_sets_the_gradients_again(impl, args):
    """Called twice on the same inp, w, b (out.g set anew in between), inp.g, w.g, b.g are each call's own."""
    inp, w, b, out_g, out_g2 = args
    got = impl.run(probe.lin_grad_twice, inp, inp @ w + b, out_g, out_g2, w, b)
    terms = max(inp.shape[0], w.shape[1])
    for call, (upstream, grads) in enumerate(zip((out_g, out_g2), got), start=1):
        out, leaves = autograd(lambda x, w_, b_: x @ w_ + b_, inp, w, b)
        out.backward(upstream.double())
        expect_grads(grads, [leaf.grad for leaf in leaves], ["inp", "w", "b"], inp.dtype, terms,
                     call=f" after call {call} of 2")


@exercise("lin_grad", points=1, hint=UNCHANGED_HINT)
@given(args=layer())
def test_lin_grad_leaves_its_arguments_unchanged(impl, args):
    """lin_grad(inp, out, w, b) leaves inp, out, w, b and the upstream gradient out.g exactly as they were."""
    inp, w, b, out_g = args
    out = inp @ w + b
    after = impl.run(probe.lin_grad_after, inp, out, out_g, w, b)
    expect_unchanged(after, {"inp": inp, "out": out, "out.g": out_g, "the tensor given as out.g": out_g, "w": w,
                             "b": b}, "lin_grad(inp, out, w, b)")


# --- forward_and_backward ------------------------------------------------------------------------

def reference_network(inp, targ, w1, b1, w2, b2):
    return F.mse_loss((torch.relu(inp @ w1 + b1) @ w2 + b2)[:, 0], targ)


NAMES = ["inp", "w1", "b1", "w2", "b2"]


@exercise("forward_and_backward", points=4, hint="run the backward steps in reverse order of the forward "
                                                 "ones (mse_grad, lin_grad, relu_grad, lin_grad), each on "
                                                 "the tensors of its own step")
@given(args=network())
def test_forward_and_backward_equals_autograd(impl, args):
    """The loss and the gradients of inp, w1, b1, w2, b2 equal autograd's, batch of one included."""
    loss, grads = impl.run(probe.forward_and_backward, *args)
    expected, leaves = autograd(reference_network, *args)
    expected.backward()
    dtype = args[0].dtype
    terms = 4 * max(t.shape[0] for t in args)
    expect_close(loss, expected.detach().to(dtype), what="the returned loss", **tolerance(expected, dtype, terms))
    grad_leaves = [leaves[0]] + leaves[2:]
    expect_grads(grads, [leaf.grad for leaf in grad_leaves], NAMES, dtype, terms)


@exercise("forward_and_backward", points=1, hint="every gradient must be of the loss that is returned")
@gradcheck_settings
@given(seed=seeds, n=st.integers(1, 3), n_in=st.integers(1, 3), nh=st.integers(1, 3))
def test_forward_and_backward_passes_gradcheck(impl, seed, n, n_in, nh):
    """In float64, the five gradients agree with gradcheck's finite differences of the network's loss."""
    inp, targ, w1, b1, w2, b2 = gradcheck_inputs(seed, (n, n_in), (n,), (n_in, nh), (nh,), (nh, 1), (1,))
    assume(bool(((inp @ w1 + b1).abs() > 1e-3).all()))  # keep finite differences off relu's kink

    def backward(x, w1_, b1_, w2_, b2_, g):
        _, grads = impl.run(probe.forward_and_backward, x, targ, w1_, b1_, w2_, b2_)
        return [g * student_grad(grad, name, t.shape) for grad, name, t in zip(grads, NAMES, (x, w1_, b1_, w2_, b2_))]

    student_gradcheck(lambda x, w1_, b1_, w2_, b2_: reference_network(x, targ, w1_, b1_, w2_, b2_), backward,
                      (inp, w1, b1, w2, b2), "forward_and_backward")


@exercise("forward_and_backward", points=2, hint=TWICE_HINT)
@given(values=networks(2))
def test_forward_and_backward_twice_gives_each_calls_gradients(impl, values):
    """Called twice on the same tensors (new values copied in between, as after a step), each call returns its
    own loss and leaves its own gradients, not the sum of both calls'."""
    first, second = values
    got = impl.run(probe.forward_and_backward_twice, first, second)
    dtype = first[0].dtype
    terms = 4 * max(t.shape[0] for t in first)
    for call, (args, (loss, grads)) in enumerate(zip(values, got), start=1):
        expected, leaves = autograd(reference_network, *args)
        expected.backward()
        expect_close(loss, expected.detach().to(dtype), what=f"the returned loss (call {call} of 2)",
                     **tolerance(expected, dtype, terms))
        grad_leaves = [leaves[0]] + leaves[2:]
        expect_grads(grads, [leaf.grad for leaf in grad_leaves], NAMES, dtype, terms, call=f" after call {call} of 2")


@exercise("forward_and_backward", points=1, hint=UNCHANGED_HINT + "; forward_and_backward computes the loss and "
                                                                  "the gradients only: updating the parameters is "
                                                                  "the training loop's job")
@given(args=network())
def test_forward_and_backward_leaves_its_inputs_unchanged(impl, args):
    """forward_and_backward leaves the values and shapes of inp, targ, w1, b1, w2 and b2 as they were."""
    after = impl.run(probe.forward_and_backward_after, *args)
    expect_unchanged(after, dict(zip(["inp", "targ", "w1", "b1", "w2", "b2"], args)),
                     "forward_and_backward(inp, targ, w1, b1, w2, b2)")
