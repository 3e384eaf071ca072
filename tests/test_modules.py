"""modules: Parameter, Module, Linear, ConvLayer and Sequential, driven with torch and judged against torch.nn.

- Parameter: a tensor of data's values, a leaf that requires grad, trained by torch.optim.SGD like nn.Parameter.
- Module: trees of the student's modules holding the kit's Parameters (shared ones, modules held twice, six levels
  deep, assignments after construction, replacements, unregistrations, mode changes) are built and changed one
  event at a time; after each, every node's parameters(), children() and training are judged against an
  nn.Module twin that went through the same events (nn.Module's registration, parameters() and train() are the
  contract's).
- Linear, ConvLayer: built on the kit's Module and Parameter (see tests/probes/modules.py), loaded with values
  the judge derives, trained two SGD steps; outputs, gradients and updated weights equal those of an
  nn.Linear / nn.Conv2d twin within float32's rounding bound (below); initial weights pass exact statistical tests.
- Sequential: built on the kit's Module from the kit's layers; it must register them (children(), parameters(),
  train()/eval() reach them) and apply them in order; judged against an nn.Sequential twin in float64.

Rounding bound (float32). A sum of k products of float32 numbers, computed in float32 in any order (with or
without fused multiply-adds), differs from the exact sum by at most gamma_k * (the sum of the products' absolute
values), gamma_k = k u / (1 - k u), u = 2^-24 (Higham, Accuracy and Stability of Numerical Algorithms, 3.1). The
judge recomputes exactly (float64, from the same float32 values) and allows (k + 2) eps sum|.|, eps = 2u, with
k the largest number of terms in any of the layer's sums: twice gamma_{k+1} at least.

Statistics. A correct init fails a statistical test below with probability at most 1e-9 per example
(FALSE_FAILURE): bounds of Laurent and Massart (Ann. Statist. 28(5), 2000, lemma 1) on a chi-square
sum of squares, Gaussian tail bounds on the sum, and exact binomial tails on the count of large weights.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from torch import nn

from grader.testing import Mismatch, exercise, expect_close, expect_tensor
from tests.modules_strategies import (
    batches,
    channels,
    init_conv_channels,
    init_linear_sizes,
    learning_rates,
    linear_sizes,
    module_scripts,
    seeds,
    sequential_specs,
    sides,
    strides,
)
from tests.probes import modules as probe
from tests.strategies import float_dtypes

FALSE_FAILURE = 1e-9
EPS32 = torch.finfo(torch.float32).eps
TINY = 1e-30  # below any sum of products of the tests' values (each of magnitude about 1), far above underflow


def normal(seed: int, shape, dtype=torch.float32) -> torch.Tensor:
    """Standard normal values from a generator seeded with `seed` (drawn in float64, rounded to `dtype`)."""
    g = torch.Generator().manual_seed(seed)
    return torch.randn(tuple(shape), generator=g, dtype=torch.float64).to(dtype)


# --- Parameter -----------------------------------------------------------------------------------------------

PARAMETER_HINT = ("a Parameter is a tensor of your subclass that is a leaf and requires grad: "
                  "torch.Tensor._make_subclass(cls, torch.as_tensor(data).detach(), True), or "
                  "torch.as_tensor(data).detach().clone().as_subclass(cls).requires_grad_()")


def expect_parameter(got: dict, what: str) -> None:
    """The report of a Parameter: an instance of the student's Parameter, a torch.Tensor, not an nn.Parameter,
    a leaf that requires grad."""
    __tracebackhide__ = True
    if not got["is_tensor"]:
        raise Mismatch(f"{what} is a {got['type']}, not a torch.Tensor")
    if not got["is_parameter"]:
        raise Mismatch(f"{what} is a {got['type']}, not an instance of Parameter: a Module recognises its "
                       f"parameters by their class, so return an object of the class __new__ was called for (cls)")
    if got["is_nn_parameter"]:
        raise Mismatch(f"{what} is an nn.Parameter: the lesson builds Parameter itself, as a subclass of "
                       f"torch.Tensor")
    if not got["requires_grad"]:
        raise Mismatch(f"{what} does not require grad: nothing would compute its gradient, and an optimizer "
                       f"would never change it")
    if not got["is_leaf"]:
        raise Mismatch(f"{what} is not a leaf of the autograd graph (it was computed from a tensor that requires "
                       f"grad): torch.optim refuses to optimise it; detach the data first")


def expect_sgd_steps(steps: list, start: torch.Tensor, grads: list, lr: float, what: str) -> None:
    """SGD steps on sum(p * g), judged against an nn.Parameter twin trained by the same optimizer."""
    __tracebackhide__ = True
    if len(steps) != len(grads):
        raise Mismatch(f"expected {len(grads)} SGD steps on {what}, the probe could run {len(steps)}")
    twin = nn.Parameter(start.clone())
    opt = torch.optim.SGD([twin], lr=lr)
    eps = torch.finfo(start.dtype).eps
    for i, (step, g) in enumerate(zip(steps, grads)):
        opt.zero_grad()
        (twin * g).sum().backward()
        opt.step()
        expect_close(step["grad"], g, what=f"{what}.grad after step {i + 1} (the gradient of sum(p * g) is g)",
                     rtol=0, atol=0)
        # One step: p + (-lr) * g, rounded once or twice (p.add_(g, alpha=-lr)) whatever the order.
        bound = 2 * eps * (twin.detach().abs() + lr * g.abs())
        expect_close(step["after"], twin.detach(), what=f"{what} after SGD step {i + 1} (lr={lr})", rtol=0,
                     atol=bound)


@st.composite
def parameter_data(draw):
    """(data, grads): a float32 or float64 tensor of rank 0 to 3 with sides 1 to 4, and two upstream gradients."""
    shape = tuple(draw(st.lists(st.integers(1, 4), max_size=3)))
    dtype, seed = draw(float_dtypes), draw(seeds)
    return normal(seed, shape, dtype), [normal(seed + 1, shape, dtype), normal(seed + 2, shape, dtype)]


@exercise("Parameter", points=2, hint=PARAMETER_HINT)
@given(args=parameter_data(), lr=learning_rates)
def test_parameter_is_a_leaf_tensor_of_datas_values_that_requires_grad(impl, args, lr):
    """Parameter(data) is a Parameter (a torch.Tensor, not an nn.Parameter) of data's values, dtype and shape, a
    leaf that requires grad; data is unchanged (values, and it still does not require grad)."""
    data, grads = args
    got = impl.run(probe.parameter, data, grads, lr)
    what = f"Parameter(data) for data of shape {tuple(data.shape)} and dtype {data.dtype}"
    expect_parameter(got, what)
    expect_close(got["values"], data, what=f"the values of {what}", rtol=0, atol=0)
    expect_close(got["data_after"], data, what="data after Parameter(data)", rtol=0, atol=0)
    if got["data_requires_grad"]:
        raise Mismatch("data requires grad after Parameter(data): requires_grad_() was called on the caller's "
                       "tensor; call it on your own (detached) tensor")


@exercise("Parameter", points=2, hint="torch.optim updates a Parameter in place from its .grad: it must be a leaf "
                                      "that requires grad, with data's values")
@given(args=parameter_data(), lr=learning_rates)
def test_parameter_trains_with_torch_optim(impl, args, lr):
    """Two steps of torch.optim.SGD([Parameter(data)], lr) on sum(p * g) give the gradients g and the values of an
    nn.Parameter(data) trained the same way."""
    data, grads = args
    got = impl.run(probe.parameter, data, grads, lr)
    what = f"Parameter(data) for data of shape {tuple(data.shape)} and dtype {data.dtype}"
    expect_parameter(got, what)
    expect_sgd_steps(got["steps"], data, grads, lr, "the Parameter")


@exercise("Parameter", points=1, hint="build from torch.as_tensor(data), which takes a tensor, a list or a number "
                                      "(data.detach() only works on a tensor)")
@given(args=parameter_data(), lr=learning_rates)
def test_parameter_of_a_list(impl, args, lr):
    """Parameter(a nested list of floats) is a Parameter of torch.as_tensor(that list)'s values (float32)."""
    data, grads = args
    values = data.tolist()
    expected = torch.as_tensor(values)
    got = impl.run(probe.parameter, values, [g.to(expected.dtype) for g in grads], lr)
    what = f"Parameter({values!r})" if expected.numel() <= 4 else f"Parameter(a nested list of shape {data.shape})"
    expect_parameter(got, what)
    expect_close(got["values"], expected, what=f"the values of {what}", rtol=0, atol=0)


@exercise("Parameter", points=1, hint="detach the data (torch.as_tensor(data).detach()) before making it a "
                                      "Parameter: a tensor computed from others is part of their graph, and "
                                      "neither a leaf nor trainable")
@given(args=parameter_data(), factor=st.sampled_from([2.0, -0.5]), lr=learning_rates)
def test_parameter_of_a_tensor_in_a_graph_is_a_leaf(impl, args, factor, lr):
    """Parameter(x * c), for x that requires grad, is a leaf with x * c's values that SGD trains; nothing flows
    back to x."""
    data, grads = args
    got = impl.run(probe.parameter_of_a_result, data, factor, grads, lr)
    what = f"Parameter(x * {factor}) for x that requires grad"
    expect_parameter(got, what)
    expected = data * factor
    expect_close(got["values"], expected, what=f"the values of {what}", rtol=0, atol=0)
    expect_sgd_steps(got["steps"], expected, grads, lr, what)
    if got["x_grad"] is not None:
        raise Mismatch(f"after backward passes through {what}, x has a gradient: the Parameter is still part of "
                       f"x's graph")


# --- Module: the nn.Module twin -------------------------------------------------------------------------------

def describe_value(kind: str, ref) -> str:
    return {"param": f"P{ref}", "module": f"node {ref}", "none": "None", "tensor": "torch.zeros(2)",
            "grad_tensor": "torch.zeros(2, requires_grad=True)", "number": "3"}[kind]


def describe_event(event: list) -> str:
    if event[0] == "assign":
        _, i, name, kind, ref = event
        return f"node {i}.{name} = {describe_value(kind, ref)}"
    _, i, how = event
    return f"node {i}.{how}" if how.startswith("training") or "(" in how else f"node {i}.{how}()"


def describe_script(script: dict, n_events: int | None = None) -> str:
    """The tree as the probe built it (each node's __init__, P<k> the parameters), and the events so far."""
    lines = []
    for i, assignments in enumerate(script["nodes"]):
        body = "; ".join(f"self.{name} = {describe_value(kind, ref)}" for name, kind, ref in assignments)
        lines.append(f"  node {i}: super().__init__(); {body or 'nothing else'}")
    events = script["events"][:n_events]
    if events:
        lines.append("  then: " + "; ".join(describe_event(e) for e in events))
    return "\n".join(lines)


class Twin:
    """The script's tree as nn.Modules holding nn.Parameters: the expected registrations and modes."""

    def __init__(self, script: dict):
        self.params = [nn.Parameter(torch.zeros(2)) for _ in range(script["n_params"])]
        self.nodes: list[nn.Module] = [None] * len(script["nodes"])
        for i in reversed(range(len(self.nodes))):
            node = nn.Module()
            self.nodes[i] = node  # built before its assignments: it only holds nodes after it
            for name, kind, ref in script["nodes"][i]:
                self.assign(i, name, kind, ref)

    def assign(self, i: int, name: str, kind: str, ref) -> None:
        node = self.nodes[i]
        if kind == "param":
            setattr(node, name, self.params[ref])
        elif kind == "module":
            setattr(node, name, self.nodes[ref])
        else:  # a plain value unregisters what the name held (nn.Module itself refuses a tensor there)
            if name in node._parameters or name in node._modules:
                delattr(node, name)
            setattr(node, name, {"none": None, "tensor": torch.zeros(2),
                                 "grad_tensor": torch.zeros(2, requires_grad=True), "number": 3}[kind])

    def apply(self, event: list) -> None:
        if event[0] == "assign":
            self.assign(*event[1:])
        else:
            _, i, how = event
            self.nodes[i].train(how in ("train", "training = True"))  # nn.Module's train() is the contract's

    def parameters(self, i: int) -> list[int]:
        index = {id(p): k for k, p in enumerate(self.params)}
        return [index[id(p)] for p in self.nodes[i].parameters()]

    def children(self, i: int) -> tuple[list[int], list[int]]:
        """node i's children once per name it is registered under, and once each (nn.Module's children())."""
        index = {id(n): k for k, n in enumerate(self.nodes)}
        per_name = [index[id(c)] for c in self.nodes[i]._modules.values() if c is not None]
        return per_name, [index[id(c)] for c in self.nodes[i].children()]

    def below(self, i: int) -> list[int]:
        """node i and every node it reaches."""
        index = {id(n): k for k, n in enumerate(self.nodes)}
        return sorted({index[id(n)] for n in self.nodes[i].modules()})


def show_ids(ids: list, prefix: str) -> str:
    return "[" + ", ".join(f"{prefix}{k}" if isinstance(k, int) and k >= 0 else "an unknown object"
                           for k in ids) + "]"


def observations(impl, script: dict) -> list:
    got = impl.run(probe.module_script, script)
    if not isinstance(got, list) or len(got) != len(script["events"]) + 1:
        raise Mismatch(f"expected {len(script['events']) + 1} observations, got {got!r}")
    return got


def when(script: dict, k: int) -> str:
    return "after construction" if k == 0 else f"after {describe_event(script['events'][k - 1])}"


def expect_parameters(got: dict, twin: Twin, script: dict, k: int) -> None:
    __tracebackhide__ = True
    for i in range(len(twin.nodes)):
        expected = twin.parameters(i)
        if got["parameters"][i] != expected:
            raise Mismatch(f"{when(script, k)}, node {i}.parameters() lists {show_ids(got['parameters'][i], 'P')}, "
                           f"expected {show_ids(expected, 'P')} (its own parameters in assignment order, then each "
                           f"child's, recursively, each tensor once). The tree:\n{describe_script(script, k)}")


def expect_children(got: dict, twin: Twin, script: dict, k: int) -> None:
    __tracebackhide__ = True
    for i in range(len(twin.nodes)):
        per_name, once = twin.children(i)
        if got["children"][i] not in (per_name, once):
            raise Mismatch(f"{when(script, k)}, node {i}.children() lists {show_ids(got['children'][i], 'node ')}, "
                           f"expected {show_ids(per_name, 'node ')} (the modules registered on it, in assignment "
                           f"order). The tree:\n{describe_script(script, k)}")


MODULE_PARAMETERS_HINT = ("register in __setattr__ (a Parameter in one dict, a Module in another, keyed by name: "
                          "a dict keeps assignment order); parameters() lists the module's own parameters, then "
                          "each child's parameters() (which includes the grandchildren's), skipping any tensor "
                          "already listed (compare with `is`, not ==)")


@exercise("Module", points=4, hint=MODULE_PARAMETERS_HINT)
@settings(max_examples=80)
@given(script=module_scripts(min_params=1))
def test_module_parameters_lists_its_own_then_each_childs_recursively_once(impl, script):
    """parameters() of every module in a tree (shared parameters, modules held twice, up to six levels deep) lists
    its own parameters in assignment order, then each child's, recursively, each tensor once, as nn.Module's does."""
    got = observations(impl, script)[0]
    expect_parameters(got, Twin(script), script, 0)


@exercise("Module", points=1, hint="children() lists the modules registered on this one, in assignment order: not "
                                   "their children, not its parameters")
@given(script=module_scripts())
def test_module_children_lists_the_registered_modules_in_order(impl, script):
    """children() of every module in a tree lists the modules assigned to it, in assignment order, nothing else."""
    got = observations(impl, script)[0]
    expect_children(got, Twin(script), script, 0)


@exercise("Module", points=3, hint="__setattr__ runs on every assignment, also after __init__: a Parameter or "
                                   "Module assigned to a name replaces what was registered there, in its place "
                                   "(a dict keyed by name does that), and anything else (None, a plain tensor) "
                                   "removes the name from the registries; parameters() and children() read the "
                                   "registries each time they are called")
@settings(max_examples=80)
@given(script=module_scripts(max_events=8, min_params=1))
def test_module_registration_follows_every_assignment(impl, script):
    """After each late assignment (a new parameter or module, a replacement, None or a plain tensor in place of one),
    parameters() and children() of every module reflect it, as nn.Module's do."""
    got = observations(impl, script)
    twin = Twin(script)
    for k, observation in enumerate(got):
        if k:
            twin.apply(script["events"][k - 1])
        expect_parameters(observation, twin, script, k)
        expect_children(observation, twin, script, k)


@exercise("Module", points=3, hint="training is True after __init__; its setter stores the mode and sets it on "
                                   "every registered child (child.training = mode), which passes it on to theirs: "
                                   "train() and eval() use it, so a Dropout deep inside knows its mode")
@settings(max_examples=80)
@given(script=module_scripts(max_events=10, events=("assign", "mode", "mode")))
def test_module_training_reaches_every_descendant(impl, script):
    """training is True after construction; after each train(), eval(), train(False) or `training = ...` on any
    module of a tree, every module below it (and no other) has that mode, as with nn.Module.train."""
    got = observations(impl, script)
    twin = Twin(script)
    for k, observation in enumerate(got):
        event = script["events"][k - 1] if k else None
        if event is not None:
            twin.apply(event)
        # A module just assigned keeps its own mode (nn.Module's way) or takes its new parent's: SPEC is silent.
        fresh = twin.below(event[4]) if event is not None and event[0] == "assign" and event[3] == "module" else []
        for i, node in enumerate(twin.nodes):
            mode = observation["training"][i]
            if i in fresh and mode != node.training and mode == twin.nodes[event[1]].training:
                node.training = mode  # it took its parent's mode: judge from there
                continue
            if mode is not node.training:
                raise Mismatch(f"{when(script, k)}, node {i}.training is {mode!r}, expected {node.training} "
                               f"(True after construction; a mode set on a module reaches every module below it). "
                               f"The tree:\n{describe_script(script, k)}")


@exercise("Module", points=2, hint="parameters() must give the Parameter objects themselves (not copies, not their "
                                   ".data), each once, for torch.optim to update them in place")
@settings(max_examples=40)
@given(script=module_scripts(min_params=1), seed=seeds, lr=learning_rates, data=st.data())
def test_module_parameters_work_with_torch_optim(impl, script, seed, lr, data):
    """Two steps of torch.optim.SGD(root.parameters(), lr) update each parameter the root reaches once per step,
    and no other, as for the same tree of nn.Modules."""
    shapes = [data.draw(st.lists(st.integers(1, 3), max_size=2), label=f"shape of P{i}")
              for i in range(script["n_params"])]
    grads = [[normal(seed + 10 * step + i, shape, torch.float64) for i, shape in enumerate(shapes)]
             for step in (1, 2)]
    got = impl.run(probe.module_sgd, script, seed, grads, lr)
    values = probe.random_values({str(i): shape for i, shape in enumerate(shapes)}, seed)
    twin = Twin(script)
    for i, p in enumerate(twin.params):
        p.data = values[str(i)].double()
    reached = list(twin.nodes[0].parameters())
    opt = torch.optim.SGD(reached, lr=lr) if reached else None  # torch.optim refuses an empty list
    for step, step_grads in enumerate(grads):
        for p in twin.params:
            p.grad = None
        sum((p * g).sum() for p, g in zip(twin.params, step_grads)).backward()
        if opt is not None:
            opt.step()
        if not isinstance(got, list) or len(got) <= step or len(got[step]) != len(twin.params):
            raise Mismatch(f"expected the values of {len(twin.params)} parameters after each of 2 steps, got {got!r}")
        for i, p in enumerate(twin.params):
            reaches = any(p is q for q in reached)
            expect_close(got[step][i], p.detach(), rtol=0, atol=4 * torch.finfo(torch.float64).eps * (1 + p.abs()),
                         what=f"P{i} after SGD step {step + 1} on node 0.parameters() (node 0 "
                              f"{'reaches it: updated once per step' if reaches else 'does not reach it: unchanged'})"
                              f". The tree:\n{describe_script(script)}\n ")


@exercise("Module", points=1, hint="__call__(self, *args) returns self.forward(*args): every argument passed on, "
                                   "the result returned as it is")
@given(calls=st.lists(st.lists(st.one_of(st.integers(-5, 5), st.sampled_from(["a", "b"])), max_size=3),
                      min_size=2, max_size=4))
def test_module_call_returns_forward_of_all_arguments(impl, calls):
    """m(*args) returns m.forward(*args), for none to three arguments, on one module called again and again."""
    got = impl.run(probe.module_call, calls)
    if not isinstance(got, list) or len(got) != len(calls):
        raise Mismatch(f"expected {len(calls)} results, got {got!r}")
    for args, result in zip(calls, got):
        if result != ["forward", *args]:
            raise Mismatch(f"m({', '.join(map(repr, args))}) returned {result!r}, expected what forward returned: "
                           f"{['forward', *args]!r}")


# --- Linear and ConvLayer: SGD steps against an nn twin --------------------------------------------------------

def linear_twin(values: dict) -> nn.Module:
    w = values["w"]
    twin = nn.Linear(w.shape[1], w.shape[0], dtype=torch.float64)
    with torch.no_grad():
        twin.weight.copy_(w)
        twin.bias.copy_(values["b"])
    return twin


def conv_twin(values: dict, stride: int) -> nn.Module:
    w = values["w"]
    twin = nn.Conv2d(w.shape[1], w.shape[0], 3, stride=stride, padding=1, bias="b" in values, dtype=torch.float64)
    with torch.no_grad():
        twin.weight.copy_(w)
        if "b" in values:
            twin.bias.copy_(values["b"])
    return twin


def twin_step(twin: nn.Module, values: dict, x, g, lr: float, act: bool) -> dict:
    """One step of the twin (float64, from the float32 values), with the absolute sums bounding the rounding.

    Returns the exact output, pre-activation z, gradients of x and of the parameters (named as in `values`), the
    parameters after torch.optim.SGD's step, and `abs`: the same sums over absolute values (the layer is linear
    in x and in its weights, so autograd of the layer applied to absolute values gives them)."""
    names = {"w": "weight", "b": "bias"}
    functional = (lambda inp, w, b: F.linear(inp, w, b)) if isinstance(twin, nn.Linear) else \
        (lambda inp, w, b: F.conv2d(inp, w, b, stride=twin.stride, padding=1))
    opt = torch.optim.SGD(twin.parameters(), lr=lr)
    opt.zero_grad()
    leaf = x.double().requires_grad_()
    z = twin(leaf)
    out = F.relu(z) if act else z
    (out * g.double()).sum().backward()
    mask = (z > 0).double() if act else torch.ones_like(z)
    grads = {name: getattr(twin, names[name]).grad.clone() for name in values}
    opt.step()
    after = {name: getattr(twin, names[name]).detach().clone() for name in values}
    # Absolute sums: |x| * |w| for the output, |G| * |w| and |G| * |x| for the gradients, G = g masked by relu.
    xa, big_g = x.double().abs(), (g.double() * mask).abs()
    wa = values["w"].double().abs()
    ba = values["b"].double().abs() if "b" in values else None
    x_var, w_var = xa.clone().requires_grad_(), wa.clone().requires_grad_()
    (x_abs,) = torch.autograd.grad((functional(x_var, wa, None) * big_g).sum(), x_var)
    (w_abs,) = torch.autograd.grad((functional(xa, w_var, None) * big_g).sum(), w_var)
    absolute = {"out": functional(xa, wa, ba).detach(), "x_grad": x_abs, "w": w_abs,
                "b": big_g.sum(tuple(d for d in range(big_g.dim()) if d != 1))}
    return {"out": out.detach(), "z": z.detach(), "x_grad": leaf.grad, "grads": grads, "after": after,
            "abs": absolute}


def rounding(terms: int, absolute: torch.Tensor) -> torch.Tensor:
    """The bound on a float32 result made of sums of at most `terms` products (see the module docstring)."""
    return (terms + 2) * EPS32 * absolute + TINY


def expect_attributes(got: dict, shapes: dict, what: str) -> None:
    """The layer's attributes have the contract's shapes, and parameters() lists exactly them."""
    __tracebackhide__ = True
    for name, shape in shapes.items():
        found = got["attributes"].get(name)
        if found != list(shape):
            found = f"shape {tuple(found)}" if isinstance(found, list) else found
            raise Mismatch(f"{what}.{name} is {found}, expected a Parameter of shape {tuple(shape)}")
    missing = [name for name in shapes if name not in got["registered"]]
    if missing:
        raise Mismatch(f"{what}.parameters() does not list {' and '.join(missing)}: assign a Parameter "
                       f"(self.{missing[0]} = Parameter(...)) so that the Module registers it")
    if got["n_parameters"] != len(shapes):
        raise Mismatch(f"{what}.parameters() lists {got['n_parameters']} tensors, expected {len(shapes)} "
                       f"({', '.join(shapes)})")


def expect_layer_steps(got: dict, twin: nn.Module, values: dict, steps: list, lr: float, act: bool, terms: int,
                       what: str) -> None:
    """Each step's output, gradients and updated parameters equal the twin's within the rounding bound.

    The twin starts from the judge's values; each later step starts from the parameters the student's layer
    reported after the step before (already judged), so that each bound covers one step's rounding.
    """
    __tracebackhide__ = True
    if len(got["steps"]) != len(steps):
        raise Mismatch(f"expected {len(steps)} steps of {what}, the probe could run {len(got['steps'])}")
    current = values
    for i, (step, (x, g)) in enumerate(zip(got["steps"], steps)):
        call = f"{what} on call {i + 1} (x of shape {tuple(x.shape)})"
        if i:
            with torch.no_grad():
                for name, value in current.items():
                    getattr(twin, {"w": "weight", "b": "bias"}[name]).copy_(value)
        exp = twin_step(twin, current, x, g, lr, act)
        if act:  # where z rounds to either side of 0, relu's gradient could be either: such draws are left out
            assume(not bool((exp["z"].abs() <= rounding(terms, exp["abs"]["out"])).any()))
        expect_tensor(step["out"], what=call, shape=g.shape, dtype=torch.float32)
        expect_close(step["out"], exp["out"].float(), what=call, rtol=0,
                     atol=rounding(terms, exp["abs"]["out"]))
        expect_close(step["x_after"], x, what=f"x after {call}", rtol=0, atol=0)
        expect_tensor(step["x_grad"], what=f"the gradient of sum(out * g) with respect to x, {call} (is the output "
                                           f"computed from x with torch operations?)", shape=x.shape)
        expect_close(step["x_grad"], exp["x_grad"].float(), what=f"d sum(out * g) / dx, {call}", rtol=0,
                     atol=rounding(terms, exp["abs"]["x_grad"]))
        for name in values:
            grad, abs_grad = exp["grads"][name], exp["abs"][name]
            expect_tensor(step["grads"][name], what=f"{name}.grad after backward, {call} (does the output "
                                                     f"use {name}?)", shape=grad.shape)
            expect_close(step["grads"][name], grad.float(), what=f"{name}.grad, {call}", rtol=0,
                         atol=rounding(terms, abs_grad))
            # w - lr * grad: the gradient's bound times lr, plus the step's own roundings (lr and the sum).
            bound = lr * rounding(terms, abs_grad) + 2 * EPS32 * (current[name].double().abs() + lr * abs_grad)
            expect_close(step["after"][name], exp["after"][name].float(), rtol=0, atol=bound,
                         what=f"{name} after the SGD step (lr={lr}), {call}")
        current = {name: step["after"][name] for name in values}


@st.composite
def linear_case(draw):
    ni, nf, seed = draw(linear_sizes), draw(linear_sizes), draw(seeds)
    n1, n2 = draw(batches), draw(batches)
    steps = [(normal(seed + 1, (n1, ni)), normal(seed + 2, (n1, nf))),
             (normal(seed + 3, (n2, ni)), normal(seed + 4, (n2, nf)))]
    return ni, nf, seed, steps


@exercise("Linear", points=4, hint="w has shape (nf, ni), like nn.Linear's weight, and forward is x @ w.t() + b; "
                                   "both are Parameters, so the Module registers them and SGD updates them")
@settings(max_examples=40)
@given(case=linear_case(), lr=learning_rates)
def test_linear_sgd_steps_equal_nn_linear(impl, case, lr):
    """Linear(ni, nf) loaded with w, b and trained two SGD steps (batches of 1 to 5) gives the outputs, gradients
    (of x, w, b) and updated w, b of nn.Linear(ni, nf) with the same weights trained the same way; x is unchanged."""
    ni, nf, seed, steps = case
    values = probe.random_values({"w": (nf, ni), "b": (nf,)}, seed)
    got = impl.run(probe.linear_steps, ni, nf, seed, steps, lr)
    what = f"Linear({ni}, {nf})"
    expect_attributes(got, {"w": (nf, ni), "b": (nf,)}, what)
    n = max(s[0].shape[0] for s in steps)
    expect_layer_steps(got, linear_twin(values), values, steps, lr, False, max(ni + 1, nf, n), what)


def expect_normal_init(w: torch.Tensor, std: float, what: str, alpha: float = FALSE_FAILURE) -> None:
    """w's elements are independent N(0, std^2) draws, except with probability alpha: three tests at once.

    - sum of squares / std^2 is chi-square with n degrees of freedom: Laurent-Massart gives
      P(S >= n + 2 sqrt(n t) + 2t) <= e^-t and P(S <= n - 2 sqrt(n t)) <= e^-t, with e^-t = alpha / 4 each;
    - the sum is N(0, n std^2): P(|sum| >= std sqrt(n) s) <= 2 exp(-s^2 / 2) = alpha / 4;
    - the count of |w| > 2 std is Binomial(n, erfc(sqrt 2)) (4.55%): exact tails, alpha / 4 (a uniform init of the
      right variance has none).
    """
    __tracebackhide__ = True
    flat = w.double().flatten()
    n = flat.numel()
    t = math.log(4 / alpha)
    lo, hi = n - 2 * math.sqrt(n * t), n + 2 * math.sqrt(n * t) + 2 * t
    squares = float((flat / std).pow(2).sum())
    if not lo <= squares <= hi:
        raise Mismatch(f"{what} has {n} elements of standard deviation {math.sqrt(float(flat.pow(2).mean())):.5g} "
                       f"(around 0); expected std {std:.5g}: a N(0, {std:.4g}^2) init gives between "
                       f"{std * math.sqrt(lo / n):.5g} and {std * math.sqrt(hi / n):.5g} except once in 10^9 draws")
    s = math.sqrt(2 * math.log(8 / alpha))
    total = float(flat.sum())
    if abs(total) > std * math.sqrt(n) * s:
        raise Mismatch(f"{what} has mean {total / n:.5g}; a N(0, {std:.4g}^2) init of {n} elements has a mean "
                       f"within {std * s / math.sqrt(n):.3g} of 0 except once in 10^9 draws")
    p = math.erfc(math.sqrt(2))
    lo_count, hi_count = binomial_interval(n, p, alpha / 4)
    count = int((flat.abs() > 2 * std).sum())
    if not lo_count <= count <= hi_count:
        raise Mismatch(f"{what} has {count} of {n} elements beyond 2 std; a normal init has between {lo_count} and "
                       f"{hi_count} (4.55%) except once in 10^9 draws: draw with torch.randn (a normal distribution)")


def binomial_interval(n: int, p: float, alpha: float) -> tuple[int, int]:
    """[lo, hi] holding a Binomial(n, p) count except with probability at most alpha (exact tails)."""
    k = torch.arange(n + 1, dtype=torch.float64)
    log_pmf = (math.lgamma(n + 1) - torch.lgamma(k + 1) - torch.lgamma(n - k + 1)
               + k * math.log(p) + (n - k) * math.log1p(-p))
    pmf = log_pmf.exp()
    below = torch.cumsum(pmf, 0) - pmf  # P(K < k)
    above = torch.flip(torch.cumsum(torch.flip(pmf, [0]), 0), [0]) - pmf  # P(K > k)
    return int((below <= alpha / 2).nonzero().max()), int((above <= alpha / 2).nonzero().min())


def expect_zero_bias(got: dict, nf: int, what: str) -> None:
    __tracebackhide__ = True
    expect_close(got["values"].get("b"), torch.zeros(nf), what=f"{what}.b at construction (zeros)", rtol=0, atol=0)


@exercise("Linear", points=3, hint="Xavier's init for a linear layer: w = torch.randn(nf, ni) * sqrt(2 / (ni + nf)) "
                                   "(not Kaiming's sqrt(2 / ni), not 1 / sqrt(ni)), and b = torch.zeros(nf)")
@settings(max_examples=12)
@given(sizes=init_linear_sizes(), seed=seeds)
def test_linear_init_is_xavier_normal_with_zero_bias(impl, sizes, seed):
    """A fresh Linear(ni, nf) has w (nf, ni) float32 ~ N(0, 2 / (ni + nf)) (exact tests, failing 1 in 10^9) and
    b (nf,) of zeros, both Parameters it registers."""
    ni, nf = sizes
    got = impl.run(probe.linear_init, ni, nf, seed)
    what = f"Linear({ni}, {nf})"
    expect_attributes(got, {"w": (nf, ni), "b": (nf,)}, what)
    w = expect_tensor(got["values"]["w"], what=f"{what}.w", shape=(nf, ni), dtype=torch.float32)
    expect_normal_init(w, math.sqrt(2 / (ni + nf)), f"{what}.w")
    expect_zero_bias(got, nf, what)


def expect_seeded(got, what: str, seed: int) -> None:
    __tracebackhide__ = True
    if not isinstance(got, list) or len(got) != 3:
        raise Mismatch(f"expected three weights, got {got!r}")
    first, again, other = (expect_tensor(w, what=f"{what}.w") for w in got)
    if first.shape != again.shape or not torch.equal(first, again):
        raise Mismatch(f"{what}.w differs between two layers built after the same torch.manual_seed({seed})")
    if first.shape == other.shape and torch.equal(first, other):
        raise Mismatch(f"{what}.w is the same after torch.manual_seed({seed}) and torch.manual_seed({seed + 1}): "
                       f"it does not come from torch's generator")


@exercise("Linear", points=1, hint="draw w from torch's global generator (torch.randn), not numpy's or a generator "
                                   "of your own, so torch.manual_seed makes it reproducible")
@settings(max_examples=10)
@given(ni=st.integers(2, 8), nf=st.integers(2, 8), seed=seeds)
def test_linear_init_comes_from_torch_generator(impl, ni, nf, seed):
    """After torch.manual_seed(s), Linear(ni, nf) gets the same w every time; another seed gives another w."""
    got = impl.run(probe.seeded_weights, "Linear", [ni, nf], [seed, seed, seed + 1])
    expect_seeded(got, f"Linear({ni}, {nf})", seed)


@st.composite
def conv_case(draw):
    ni, nf, stride, seed = draw(channels), draw(channels), draw(strides), draw(seeds)
    bias, act = draw(st.booleans()), draw(st.booleans())
    steps = []
    for k in (1, 2):
        n, h, w = draw(st.integers(1, 3)), draw(sides), draw(sides)
        out = (n, nf, math.ceil(h / stride), math.ceil(w / stride))  # padding 1 keeps a side, stride s rounds up
        steps.append((normal(seed + 2 * k - 1, (n, ni, h, w)), normal(seed + 2 * k, out)))
    return ni, nf, stride, bias, act, seed, steps


@exercise("ConvLayer", points=4, hint="forward is F.conv2d(x, self.w, self.b, stride=self.stride, padding=1), then "
                                      "relu only when act; w (nf, ni, 3, 3) and, when bias, b (nf,) are Parameters "
                                      "(without bias, self.b = None)")
@settings(max_examples=40)
@given(case=conv_case(), lr=learning_rates)
def test_conv_layer_sgd_steps_equal_nn_conv2d(impl, case, lr):
    """ConvLayer(ni, nf, stride, bias, act) loaded with w (and b) and trained two SGD steps (odd sides, stride 2,
    batches of one) equals nn.Conv2d(ni, nf, 3, stride, padding=1, bias) (then relu when act): outputs, gradients,
    updated weights; x is unchanged."""
    ni, nf, stride, bias, act, seed, steps = case
    shapes = probe._conv_shapes(ni, nf, bias)
    values = probe.random_values(shapes, seed)
    got = impl.run(probe.conv_steps, ni, nf, stride, bias, act, seed, steps, lr)
    what = f"ConvLayer({ni}, {nf}, stride={stride}, bias={bias}, act={act})"
    expect_attributes(got, shapes, what)
    if not bias and got["b"] is not None:
        raise Mismatch(f"{what}.b is {got['b']}, expected None: without bias there is no b to train")
    terms = max(9 * ni + 1, 9 * nf, max(g.shape[0] * g.shape[2] * g.shape[3] for _, g in steps))
    expect_layer_steps(got, conv_twin(values, stride), values, steps, lr, act, terms, what)


@exercise("ConvLayer", points=3, hint="the init follows the activation: before a relu (act) Kaiming's "
                                      "torch.randn(nf, ni, 3, 3) * sqrt(2 / (9 ni)), without one Xavier's "
                                      "sqrt(2 / (9 ni + 9 nf)); fan in and fan out count the 3x3 kernel; b zeros, "
                                      "or None without bias")
@settings(max_examples=16)
@given(sizes=init_conv_channels(), bias=st.booleans(), act=st.booleans(), seed=seeds)
def test_conv_layer_init_is_kaiming_or_xavier_normal(impl, sizes, bias, act, seed):
    """A fresh ConvLayer(ni, nf, bias, act) has w (nf, ni, 3, 3) float32 ~ N(0, 2 / (9 ni)) when act, N(0, 2 / (9 ni
    + 9 nf)) when not (exact tests, failing 1 in 10^9); b (nf,) of zeros when bias, None when not."""
    ni, nf = sizes
    got = impl.run(probe.conv_init, ni, nf, bias, act, seed)
    what = f"ConvLayer({ni}, {nf}, bias={bias}, act={act})"
    expect_attributes(got, probe._conv_shapes(ni, nf, bias), what)
    if not bias and got["attributes"]["b"] is not None:
        raise Mismatch(f"{what}.b is {got['attributes']['b']}, expected None")
    w = expect_tensor(got["values"]["w"], what=f"{what}.w", shape=(nf, ni, 3, 3), dtype=torch.float32)
    std = math.sqrt(2 / (9 * ni)) if act else math.sqrt(2 / (9 * ni + 9 * nf))
    expect_normal_init(w, std, f"{what}.w ({'Kaiming' if act else 'Xavier'})")
    if bias:
        expect_zero_bias(got, nf, what)


@exercise("ConvLayer", points=1, hint="draw w from torch's global generator (torch.randn), so torch.manual_seed "
                                      "makes it reproducible")
@settings(max_examples=10)
@given(ni=channels, nf=channels, seed=seeds)
def test_conv_layer_init_comes_from_torch_generator(impl, ni, nf, seed):
    """After torch.manual_seed(s), ConvLayer(ni, nf) gets the same w every time; another seed gives another w."""
    got = impl.run(probe.seeded_weights, "ConvLayer", [ni, nf], [seed, seed, seed + 1])
    expect_seeded(got, f"ConvLayer({ni}, {nf})", seed)


# --- Sequential --------------------------------------------------------------------------------------------------

class SequentialTwin:
    """The layers of a spec as an nn.Sequential (float64), with the labels the probe uses for modules and parameters."""

    def __init__(self, spec: list, seed: int):
        values = probe.random_values(probe.sequential_shapes(spec), seed)
        layers, self.labels, self.modules = [], {}, []
        for k, layer in enumerate(spec):
            kind = layer[0]
            if kind == "again":
                layers.append(layers[layer[1]])
                self.modules.append(self.modules[layer[1]])
                continue
            if kind in ("linear", "block"):
                linear = nn.Linear(layer[1], layer[2], dtype=torch.float64)
                prefix = f"L{k}" if kind == "linear" else f"L{k}.lin"
                with torch.no_grad():
                    linear.weight.copy_(values[f"{prefix}.w"])
                    linear.bias.copy_(values[f"{prefix}.b"])
                self.labels[id(linear.weight)], self.labels[id(linear.bias)] = f"{prefix}.w", f"{prefix}.b"
                made = linear if kind == "linear" else nn.Sequential(linear, nn.ReLU())
            else:
                made = nn.ReLU() if kind == "relu" else nn.Tanh()
            layers.append(made)
            self.modules.append(None if kind == "tanh" else f"L{k}")  # torch.tanh is a function, not a Module
        self.net = nn.Sequential(*layers)

    def parameters(self) -> list[str]:
        return [self.labels[id(p)] for p in self.net.parameters()]

    def children(self) -> tuple[list[str], list[str]]:
        """The module layers once per position, and once each."""
        per_position = [label for label in self.modules if label is not None]
        return per_position, list(dict.fromkeys(per_position))

    def inside(self, spec: list) -> list[str]:
        """Every module in the net, nested ones included, by the probe's labels."""
        labels = []
        for k, layer in enumerate(spec):
            if layer[0] in ("linear", "relu"):
                labels.append(f"L{k}")
            elif layer[0] == "block":
                labels += [f"L{k}", f"L{k}.lin", f"L{k}.act"]
        return labels

    def load(self, values: dict) -> None:
        with torch.no_grad():
            for p in self.net.parameters():
                p.copy_(values[self.labels[id(p)]])


def describe_spec(spec: list) -> str:
    names = {"linear": "Linear({}, {})", "block": "Block(Linear({}, {}), ReLU())", "relu": "ReLU()",
             "tanh": "torch.tanh"}
    parts = [f"layer {layer[1]} again" if layer[0] == "again" else names[layer[0]].format(*layer[1:])
             for layer in spec]
    return f"Sequential({', '.join(parts)})"


@st.composite
def sequential_case(draw):
    n_in, spec, n_out = draw(sequential_specs())
    seed = draw(seeds)
    steps = []
    for k in (1, 2):
        n = draw(batches)
        steps.append((normal(seed + 2 * k - 1, (n, n_in), torch.float64),
                      normal(seed + 2 * k, (n, n_out), torch.float64)))
    return spec, seed, steps


# float64 throughout: the layers' roundings (about 1e-16 relative, through at most five small layers) stay far
# below this; a layer skipped, repeated or applied out of order changes the leading digits.
SEQUENTIAL_TOLERANCE = 1e-9


def close_f64(actual, expected, what):
    __tracebackhide__ = True
    expect_close(actual, expected, what=what, rtol=SEQUENTIAL_TOLERANCE,
                 atol=SEQUENTIAL_TOLERANCE * (1 + float(expected.abs().max()) if expected.numel() else 1))


@exercise("Sequential", points=3, hint="forward passes x through each layer in turn (x = layer(x)), in the order "
                                       "given, plain functions and a layer given twice included, and returns the "
                                       "last result")
@settings(max_examples=40)
@given(case=sequential_case(), lr=learning_rates)
def test_sequential_applies_its_layers_in_order(impl, case, lr):
    """Sequential(*layers)(x) is layers[-1](...layers[0](x)), on each of two calls (new x, a new batch size), with
    its gradient with respect to x; x is unchanged."""
    spec, seed, steps = case
    got = impl.run(probe.sequential, spec, seed, steps, lr)
    what = describe_spec(spec)
    twin = SequentialTwin(spec, seed)
    if len(got["steps"]) != len(steps):
        raise Mismatch(f"expected {len(steps)} calls of {what}, the probe could run {len(got['steps'])}")
    for i, (step, (x, g)) in enumerate(zip(got["steps"], steps)):
        call = f"{what}(x) on call {i + 1} (x of shape {tuple(x.shape)})"
        if i:  # the layers as the previous step left them (their training is judged by the next tests)
            twin.load(got["steps"][i - 1]["after"])
        leaf = x.clone().requires_grad_()
        out = twin.net(leaf)
        (out * g).sum().backward()
        expect_tensor(step["out"], what=call, shape=g.shape, dtype=torch.float64)
        close_f64(step["out"], out.detach(), call)
        expect_close(step["x_after"], x, what=f"x after {call}", rtol=0, atol=0)
        expect_tensor(step["x_grad"], what=f"the gradient of sum(out * g) with respect to x, {call}", shape=x.shape)
        close_f64(step["x_grad"], leaf.grad, f"d sum(out * g) / dx, {call}")


@exercise("Sequential", points=2, hint="assign each layer to an attribute of its own (setattr(self, f'layer{i}', "
                                       "layer)), in order: a plain list is not registered, so parameters(), "
                                       "children() and train()/eval() would not see the layers")
@settings(max_examples=40)
@given(case=sequential_case(), lr=learning_rates)
def test_sequential_registers_its_layers_in_order(impl, case, lr):
    """Sequential(*layers) registers its Module layers in order: children() lists them, parameters() lists theirs
    (grandchildren's too, each once), and eval() / train() reach every module inside."""
    spec, seed, steps = case
    got = impl.run(probe.sequential, spec, seed, steps, lr)
    what = describe_spec(spec)
    twin = SequentialTwin(spec, seed)
    per_position, once = twin.children()
    if got["children"] not in (per_position, once):
        raise Mismatch(f"{what}.children() lists {got['children']}, expected the Module layers in order: "
                       f"{per_position} (L<k> is the layer at position k)")
    if got["parameters"] != twin.parameters():
        raise Mismatch(f"{what}.parameters() lists {got['parameters']}, expected {twin.parameters()} (each layer's "
                       f"parameters, in the layers' order, each tensor once)")
    for how, modes in zip(("eval", "train"), got["modes"]):
        expected = how == "train"
        for label in ["seq", *twin.inside(spec)]:
            if modes.get(label) is not expected:
                raise Mismatch(f"after {what}.{how}(), {label}.training is {modes.get(label)!r}, expected {expected}"
                               f"{'' if label == 'seq' else ': the mode reaches only registered layers'}")


@exercise("Sequential", points=2, hint="the layers must be registered (assigned as attributes) for parameters() to "
                                       "give their parameters to the optimizer")
@settings(max_examples=30)
@given(case=sequential_case(), lr=learning_rates)
def test_sequential_sgd_steps_equal_nn_sequential(impl, case, lr):
    """Two steps of torch.optim.SGD(seq.parameters(), lr) on sum(seq(x) * g) give every layer's parameters the
    gradients and values of an nn.Sequential of the same layers trained the same way."""
    spec, seed, steps = case
    got = impl.run(probe.sequential, spec, seed, steps, lr)
    what = describe_spec(spec)
    twin = SequentialTwin(spec, seed)
    params = list(twin.net.parameters())
    opt = torch.optim.SGD(params, lr=lr) if params else None
    if len(got["steps"]) != len(steps):
        raise Mismatch(f"expected {len(steps)} steps of {what}, the probe could run {len(got['steps'])}")
    for i, (step, (x, g)) in enumerate(zip(got["steps"], steps)):
        if params:
            (twin.net(x) * g).sum().backward()
        for p in params:
            label = twin.labels[id(p)]
            expect_tensor(step["grads"][label], what=f"{label}.grad after backward on step {i + 1} of {what}",
                          shape=p.shape)
            close_f64(step["grads"][label], p.grad, f"{label}.grad on step {i + 1} of {what}")
        if opt is not None:
            opt.step()
            opt.zero_grad()
        for p in params:
            label = twin.labels[id(p)]
            close_f64(step["after"][label], p.detach(), f"{label} after SGD step {i + 1} (lr={lr}) on "
                                                        f"{what}.parameters()")

