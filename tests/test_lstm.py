"""LSTMCell and LSTM against torch.nn.LSTMCell and a one-layer nn.LSTM with the same weights."""
from __future__ import annotations

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, student_gradcheck
from tests.lstm_strategies import saturating_cells
from tests.probes import lstm as probe
from tests.strategies import float_dtypes

sizes = st.integers(1, 4)
seeds = st.integers(0, 2**31 - 1)


def random(seed, *shape, dtype):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64).to(dtype)


def torch_params(module, suffix=""):
    return [getattr(module, f"{name}{suffix}").detach() for name in ("weight_ih", "bias_ih", "weight_hh", "bias_hh")]


def tolerance(dtype, steps=1):
    eps = torch.finfo(dtype).eps
    return {"rtol": 64 * steps * eps, "atol": 64 * steps * eps}


UNCHANGED_HINT = ("compute new tensors: c *= f or c += i * g (augmented assignment on a tensor), copy_ or any "
                  "in-place operation on x, h or c writes into the caller's tensors, which it may still need (the "
                  "sequence's next step, its own state)")
NO_STATE_HINT = ("keep no state on the module between calls: everything a call needs comes in as arguments (x and "
                 "state), and state=None means zeros of this call's batch size, made anew each call")


def reference_cell(ni, nh, params, dtype=torch.float64):
    """torch.nn.LSTMCell(ni, nh) holding `params` (weight_ih, bias_ih, weight_hh, bias_hh), in `dtype`."""
    cell = torch.nn.LSTMCell(ni, nh).to(dtype)
    with torch.no_grad():
        for name, value in zip(("weight_ih", "bias_ih", "weight_hh", "bias_hh"), params):
            getattr(cell, name).copy_(value)
    return cell


def expect_step(got, expected_h, expected_c, dtype, call: str = "", **tolerance) -> None:
    """The probe's {out, h, c} for one step against torch's h', c'."""
    __tracebackhide__ = True
    expect_close(got["h"], expected_h.detach().to(dtype), what=f"h'{call}", **tolerance)
    expect_close(got["out"], expected_h.detach().to(dtype), what=f"the returned output (h'){call}", **tolerance)
    expect_close(got["c"], expected_c.detach().to(dtype), what=f"c'{call}", **tolerance)


def expect_unchanged(after: dict, sent: dict, call: str) -> None:
    """Each argument, as the probe found it after the call, equals exactly what the test sent."""
    __tracebackhide__ = True
    if "error" in after:
        raise Mismatch(after["error"])
    for name, value in sent.items():
        expect_close(after[name], value, what=f"{name} after {call}", atol=0, rtol=0)


GATE_HINT = ("chunk ih(x) + hh(h) into 4 blocks in torch's order input, forget, cell, output; sigmoid on i, f, o "
             "and tanh on the candidate g; c' = f * c + i * g; h' = o * tanh(c')")


@exercise("LSTMCell", points=5, hint=GATE_HINT)
@given(ni=sizes, nh=sizes, n=sizes, dtype=float_dtypes, seed=seeds)
def test_cell_equals_torch_lstm_cell(impl, ni, nh, n, dtype, seed):
    """With torch.nn.LSTMCell's weights copied in, h', c' and every gradient equal torch's, batch of one included."""
    torch.manual_seed(seed)
    reference = torch.nn.LSTMCell(ni, nh).to(dtype)
    x, h, c = random(seed, n, ni, dtype=dtype), random(seed + 1, n, nh, dtype=dtype), random(seed + 2, n, nh,
                                                                                              dtype=dtype)
    weights = [random(seed + 3 + i, n, nh, dtype=dtype) for i in range(3)]
    got = impl.run(probe.cell_step, ni, nh, torch_params(reference), x, h, c, weights)
    leaves = [t.clone().requires_grad_() for t in (x, h, c)]
    h_new, c_new = reference(leaves[0], (leaves[1], leaves[2]))
    total = (h_new * weights[0]).sum() + (h_new * weights[1]).sum() + (c_new * weights[2]).sum()
    expected_grads = torch.autograd.grad(total, [*leaves, reference.weight_ih, reference.bias_ih, reference.weight_hh,
                                                 reference.bias_hh])
    expect_close(got["h"], h_new.detach(), what="h'", **tolerance(dtype))
    expect_close(got["out"], h_new.detach(), what="the returned output (h')", **tolerance(dtype))
    expect_close(got["c"], c_new.detach(), what="c'", **tolerance(dtype))
    names = ["x", "h", "c", "ih.weight", "ih.bias", "hh.weight", "hh.bias"]
    for name, grad, expected in zip(names, got["grads"], expected_grads):
        if grad is None:
            raise Mismatch(f"no gradient reaches {name}")
        expect_close(grad, expected, what=f"the gradient for {name}", **tolerance(dtype))


@exercise("LSTMCell", points=1, hint="build h' and c' from torch operations on x, h and c (no .detach(), no "
                                     "in-place writes into them), so that autograd follows the cell")
@settings(max_examples=8)  # gradcheck calls the cell twice per input element
@given(ni=st.integers(1, 2), nh=st.integers(1, 2), n=st.integers(1, 2), seed=seeds)
def test_cell_passes_gradcheck(impl, ni, nh, n, seed):
    """In float64, your cell's gradients for x, h and c agree with gradcheck's central differences of its h', c'."""
    torch.manual_seed(seed)
    params = torch_params(torch.nn.LSTMCell(ni, nh).double())
    inputs = (random(seed, n, ni, dtype=torch.float64), random(seed + 1, n, nh, dtype=torch.float64),
              random(seed + 2, n, nh, dtype=torch.float64))
    zeros = torch.zeros(n, nh, dtype=torch.float64)

    def step(x, h, c, weights):
        return impl.run(probe.cell_step, ni, nh, params, x.detach(), h.detach(), c.detach(), weights)

    def forward(x, h, c):
        got = step(x, h, c, [zeros, zeros, zeros])
        for name in ("h", "c"):
            expect_tensor(got[name], what=f"{name}'", shape=(n, nh), dtype=torch.float64)
        return torch.cat([got["h"], got["c"]], dim=1)

    def backward(x, h, c, grad_out):
        # The probe's weights multiply (out, h', c'): the upstream gradient goes to h' (as out) and c'.
        return step(x, h, c, [grad_out[:, :nh], zeros, grad_out[:, nh:]])["grads"][:3]

    student_gradcheck(forward, backward, inputs, "the gradient of LSTMCell for x, h and c")


@exercise("LSTMCell", points=1, hint="self.ih = nn.Linear(ni, 4 * nh) and self.hh = nn.Linear(nh, 4 * nh)")
@given(ni=sizes, nh=sizes)
def test_cell_has_ih_and_hh(impl, ni, nh):
    """LSTMCell(ni, nh) has ih = nn.Linear(ni, 4*nh) and hh = nn.Linear(nh, 4*nh)."""
    got = impl.run(probe.cell_attributes, ni, nh)
    for name, want in (("ih", ["Linear", ni, 4 * nh]), ("hh", ["Linear", nh, 4 * nh])):
        if got[name] != want:
            raise Mismatch(f"cell.{name} is {got[name][0]}({got[name][1]}, {got[name][2]}), expected "
                           f"nn.Linear({want[1]}, {want[2]})")


@exercise("LSTM", points=5, hint="start from zeros (N, nh) when state is None, run the cell on x[:, t] for t "
                                 "in order, stack the outputs along dim 1, and return the last (h, c)")
@given(ni=sizes, nh=sizes, n=sizes, length=st.integers(1, 5), dtype=float_dtypes, seed=seeds, with_state=st.booleans())
def test_lstm_equals_torch_lstm(impl, ni, nh, n, length, dtype, seed, with_state):
    """Outputs (N, L, nh), the last (h, c) and the gradients equal a one-layer nn.LSTM(batch_first=True)'s."""
    torch.manual_seed(seed)
    reference = torch.nn.LSTM(ni, nh, batch_first=True).to(dtype)
    x = random(seed, n, length, ni, dtype=dtype)
    state = [random(seed + 1, n, nh, dtype=dtype), random(seed + 2, n, nh, dtype=dtype)] if with_state else None
    weights = [random(seed + 3, n, length, nh, dtype=dtype), random(seed + 4, n, nh, dtype=dtype),
               random(seed + 5, n, nh, dtype=dtype)]
    got = impl.run(probe.sequence, ni, nh, torch_params(reference, "_l0"), x, state, weights)
    if "error" in got:
        raise Mismatch(got["error"])
    leaves = [x.clone().requires_grad_()] + ([t.clone().requires_grad_() for t in state] if with_state else [])
    initial = (leaves[1][None], leaves[2][None]) if with_state else None
    outputs, (h, c) = reference(leaves[0], initial)
    h, c = h[0], c[0]
    total = (outputs * weights[0]).sum() + (h * weights[1]).sum() + (c * weights[2]).sum()
    expected_grads = torch.autograd.grad(total, leaves)
    tol = tolerance(dtype, length)
    expect_close(got["outputs"], outputs.detach(), what="the outputs", **tol)
    expect_close(got["h"], h.detach(), what="the last h", **tol)
    expect_close(got["c"], c.detach(), what="the last c", **tol)
    for name, grad, expected in zip(["x", "h0", "c0"], got["grads"], expected_grads):
        if grad is None:
            raise Mismatch(f"no gradient reaches {name}")
        expect_close(grad, expected, what=f"the gradient for {name}", **tol)


@exercise("LSTMCell", points=1, hint=NO_STATE_HINT)
@given(ni=sizes, nh=sizes, n=sizes, n2=sizes, dtype=float_dtypes, seed=seeds)
def test_cell_keeps_no_state_between_calls(impl, ni, nh, n, n2, dtype, seed):
    """One cell called twice on unrelated inputs (batch sizes may differ) gives torch's h', c' both times."""
    torch.manual_seed(seed)
    params = torch_params(torch.nn.LSTMCell(ni, nh).to(dtype))
    steps = [[random(seed + 3 * k, size, ni, dtype=dtype), random(seed + 3 * k + 1, size, nh, dtype=dtype),
              random(seed + 3 * k + 2, size, nh, dtype=dtype)] for k, size in enumerate((n, n2))]
    got = impl.run(probe.cell_twice, ni, nh, params, *steps)
    reference = reference_cell(ni, nh, params, dtype)
    for call, ((x, h, c), result) in enumerate(zip(steps, got), start=1):
        with torch.no_grad():
            h_new, c_new = reference(x, (h, c))
        expect_step(result, h_new, c_new, dtype, f" (call {call} of 2)", **tolerance(dtype))


@exercise("LSTMCell", points=1, hint=UNCHANGED_HINT)
@given(ni=sizes, nh=sizes, n=sizes, dtype=float_dtypes, seed=seeds)
def test_cell_leaves_x_h_c_unchanged(impl, ni, nh, n, dtype, seed):
    """After cell(x, (h, c)), x, h and c hold exactly what they held before (no in-place update of the state)."""
    torch.manual_seed(seed)
    params = torch_params(torch.nn.LSTMCell(ni, nh).to(dtype))
    x, h, c = random(seed, n, ni, dtype=dtype), random(seed + 1, n, nh, dtype=dtype), random(seed + 2, n, nh,
                                                                                              dtype=dtype)
    after = impl.run(probe.cell_arguments, ni, nh, params, x, h, c)
    expect_unchanged(after, {"x": x, "h": h, "c": c}, "cell(x, (h, c))")


@exercise("LSTMCell", points=1, hint="use torch.sigmoid and torch.tanh (or formulas that cannot overflow): exp(x) "
                                     "is inf past x = 89 in float32 (710 in float64), and inf / inf is nan, while "
                                     "sigmoid and tanh only saturate to 0, 1 or -1")
@given(cell=saturating_cells())
def test_cell_equals_torch_at_saturated_gates(impl, cell):
    """With gate pre-activations and cell states up to thousands (gates saturated), h' and c' equal torch's: finite."""
    # Values only: the contract says nothing of gradients where the gates are saturated, and autograd
    # through the lesson's 1 / (1 + exp(-x)) gives 0 * inf = nan there, where torch's gradient is 0.
    ni, nh, params, x, h, c = cell
    dtype = x.dtype
    got = impl.run(probe.cell_values, ni, nh, params, x, h, c)
    with torch.no_grad():  # the grid is exact in float64: torch's numbers, rounded once to the input's dtype
        h_new, c_new = reference_cell(ni, nh, [p.double() for p in params])(x.double(), (h.double(), c.double()))
    # Pre-activations are exact (see tests/lstm_strategies.py); what remains is the rounding of the gates (a few
    # ulps, relative) and of c' = f * c + i * g: a few ulps of |f * c| + |i * g| <= |c'| + 2, since |i * g| <= 1.
    # tanh's slope at c' is sech(c')**2, and sech(t)**2 * (|t| + 2) < 2.2: h' is off by a few ulps of 1 at most.
    eps = torch.finfo(dtype).eps
    tol = {"rtol": 64 * eps, "atol": 64 * eps * 2}
    expect_close(got["h"], h_new.to(dtype), what="h'", **tol)
    expect_close(got["out"], h_new.to(dtype), what="the returned output (h')", **tol)
    expect_close(got["c"], c_new.to(dtype), what="c'", rtol=64 * eps, atol=64 * eps * (2 + c_new.abs()))


@exercise("LSTM", points=1, hint=NO_STATE_HINT)
@given(ni=sizes, nh=sizes, n=sizes, n2=sizes, length=st.integers(1, 4), length2=st.integers(1, 4),
       dtype=float_dtypes, seed=seeds, with_state=st.booleans())
def test_lstm_starts_from_zeros_on_every_call(impl, ni, nh, n, n2, length, length2, dtype, seed, with_state):
    """Called twice on one LSTM, with no state the second time, both calls equal nn.LSTM's: each starts afresh.

    The first call gets a state or none; the second gets none, so it starts from zeros of its own batch size,
    whatever the first call ended with.
    """
    torch.manual_seed(seed)
    reference = torch.nn.LSTM(ni, nh, batch_first=True).to(dtype)
    first, second = random(seed, n, length, ni, dtype=dtype), random(seed + 1, n2, length2, ni, dtype=dtype)
    state = [random(seed + 2, n, nh, dtype=dtype), random(seed + 3, n, nh, dtype=dtype)] if with_state else None
    got = impl.run(probe.sequence_twice, ni, nh, torch_params(reference, "_l0"), first, state, second)
    if "error" in got:
        raise Mismatch(got["error"])
    calls = [(first, state, length), (second, None, length2)]
    for call, ((x, initial, steps), result) in enumerate(zip(calls, got), start=1):
        with torch.no_grad():
            outputs, (h, c) = reference(x, None if initial is None else (initial[0][None], initial[1][None]))
        tol = tolerance(dtype, steps)
        expect_close(result["outputs"], outputs, what=f"the outputs of call {call} of 2", **tol)
        expect_close(result["h"], h[0], what=f"the last h of call {call} of 2", **tol)
        expect_close(result["c"], c[0], what=f"the last c of call {call} of 2", **tol)


@exercise("LSTM", points=1, hint=UNCHANGED_HINT)
@given(ni=sizes, nh=sizes, n=sizes, length=st.integers(1, 4), dtype=float_dtypes, seed=seeds)
def test_lstm_leaves_x_and_state_unchanged(impl, ni, nh, n, length, dtype, seed):
    """After lstm(x, (h0, c0)), x, h0 and c0 hold exactly what they held before."""
    torch.manual_seed(seed)
    params = torch_params(torch.nn.LSTM(ni, nh, batch_first=True).to(dtype), "_l0")
    x, h0, c0 = random(seed, n, length, ni, dtype=dtype), random(seed + 1, n, nh, dtype=dtype), random(
        seed + 2, n, nh, dtype=dtype)
    after = impl.run(probe.sequence_arguments, ni, nh, params, x, h0, c0)
    expect_unchanged(after, {"x": x, "h0": h0, "c0": c0}, "lstm(x, (h0, c0))")
