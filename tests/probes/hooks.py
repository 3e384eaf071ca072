"""Probes for hooks: build small torch models from plain specs, hook them, run them, report what happened.

Models are nn.Sequential stacks built by `build(spec, params, dtype)` from a plain
spec (a list of layers, see `layer_from`) and the parameter values the judge drew
and sent (loaded in `model.parameters()` order). The judge builds the same model
in its own process with the same function and recomputes everything from its own
copy of the values.

What is reported about hooks is read from torch's own bookkeeping: the number of
entries in each module's hook dictionaries (`_forward_hooks`, `_forward_pre_hooks`,
`_backward_hooks`, `_backward_pre_hooks`, summed over the model's modules) and in
torch's global ones (`hook_counts`), and whether a function still gets called
when the model runs again.

Each exercise is graded on its own: `Hooks` gets the kit's `KitHook` in place of
the student's `Hook`; `lsuv_module` and `grad_cam` get `KitHook`, `KitHooks` and
`KitHookBwd` in place of `Hook`, `Hooks` and `HookBwd` (`stand_ins`), for the
duration of the call.
`append_stats` is driven by the kit's `KitHook`.
"""
from __future__ import annotations

import contextlib

import torch
from torch import nn
from torch.nn.modules import module as torch_module

HOOK_DICTS = ("_forward_hooks", "_forward_pre_hooks", "_backward_hooks", "_backward_pre_hooks")
GLOBAL_HOOK_DICTS = ("_global_forward_hooks", "_global_forward_pre_hooks", "_global_backward_hooks",
                     "_global_backward_pre_hooks")


# --- models ----------------------------------------------------------------------------------------

def layer_from(spec) -> nn.Module:
    """One layer from its plain spec:

    ["linear", n_in, n_out, bias], ["conv", c_in, c_out, ks, stride, bias] (padding ks // 2),
    ["relu"], ["tanh"], ["bn", c] (BatchNorm2d), ["ln", n] (LayerNorm), ["flatten"],
    ["pool"] (AdaptiveAvgPool2d(1)), ["seq", [specs...]] (a nested nn.Sequential).
    """
    kind, *args = spec
    if kind == "linear":
        n_in, n_out, bias = args
        return nn.Linear(n_in, n_out, bias=bias)
    if kind == "conv":
        c_in, c_out, ks, stride, bias = args
        return nn.Conv2d(c_in, c_out, ks, stride=stride, padding=ks // 2, bias=bias)
    if kind == "seq":
        return nn.Sequential(*(layer_from(s) for s in args[0]))
    if kind == "bn":
        return nn.BatchNorm2d(args[0])
    if kind == "ln":
        return nn.LayerNorm(args[0])
    return {"relu": nn.ReLU, "tanh": nn.Tanh, "flatten": nn.Flatten, "pool": lambda: nn.AdaptiveAvgPool2d(1)}[kind]()


def build(spec, params, dtype="float64") -> nn.Module:
    """nn.Sequential of `spec`'s layers in `dtype` (a torch dtype or its name, "float32") (or the single layer,
    for a spec that is one layer), with `params` copied into its parameters in `parameters()` order."""
    dtype = getattr(torch, dtype) if isinstance(dtype, str) else dtype
    model = layer_from(spec if isinstance(spec[0], str) else ["seq", spec]).to(dtype)
    with torch.no_grad():
        for p, value in zip(model.parameters(), params, strict=True):
            p.copy_(value)
    return model


def parameter_shapes(spec) -> list[list[int]]:
    """The shapes of `build(spec, ...)`'s parameters, in order (torch's own modules tell)."""
    model = layer_from(spec if isinstance(spec[0], str) else ["seq", spec])
    return [list(p.shape) for p in model.parameters()]


def hook_counts(model: nn.Module) -> dict[str, int]:
    """How many hooks torch holds: per hook dictionary, summed over the model's modules, and the global ones."""
    counts = {name: sum(len(getattr(sub, name)) for sub in model.modules()) for name in HOOK_DICTS}
    counts.update({name: len(getattr(torch_module, name)) for name in GLOBAL_HOOK_DICTS})
    return counts


def _tensor(value):
    """A plain copy of a tensor (a subclass too), or a description of what it is instead."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.detach(value).as_subclass(torch.Tensor).clone()
    return f"not a tensor: {type(value).__name__}"


def _entries(value):
    """A hook's `input` as plain data: a list of tensors (for a tuple), or a description."""
    if isinstance(value, tuple):
        return [_tensor(item) for item in value]
    return f"not a tuple: {type(value).__name__}"


class ProbeError(Exception):
    """Raised by the probe inside a `with` block, to see the hooks removed on the way out."""


def _raise_inside(context):
    """Enter `context`, raise ProbeError inside; True when exactly that exception came out of the block."""
    try:
        with context:
            raise ProbeError("raised inside the with block by the probe")
    except ProbeError:
        return True
    return False


# --- the kit's stand-ins ---------------------------------------------------------------------------

class KitHook:
    """The kit's Hook: a forward hook calling f(hook, module, input, output); `kit_module` is the hooked module."""

    def __init__(self, m, f):
        self.kit_module = m
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp, outp))

    def remove(self):
        self.handle.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class KitHooks(list):
    """The kit's Hooks: one KitHook per module, in a list; remove() removes them all."""

    def __init__(self, ms, f):
        super().__init__(KitHook(m, f) for m in ms)

    def remove(self):
        for hook in self:
            hook.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class KitHookBwd:
    """The kit's HookBwd: `.stored` is the detached gradient of m's output at each backward pass."""

    def __init__(self, m):
        self.stored = None
        self.handle = m.register_full_backward_hook(self._store)

    def _store(self, module, grad_input, grad_output):
        self.stored = grad_output[0].detach().clone()

    def remove(self):
        self.handle.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


@contextlib.contextmanager
def stand_ins(m, **replacements):
    """Put the kit's classes in the student's module under the given names; restore the student's after."""
    saved = {name: (hasattr(m, name), getattr(m, name, None)) for name in replacements}
    for name, value in replacements.items():
        setattr(m, name, value)
    try:
        yield
    finally:
        for name, (had, value) in saved.items():
            if had:
                setattr(m, name, value)
            else:
                delattr(m, name)


# --- Hook ------------------------------------------------------------------------------------------

def hook_calls(m, spec, params, xs, index):
    """Hook(model[index], f) over one forward pass per x of xs, then remove(), then one more pass.

    The probe registers a forward hook of its own on the same layer first (it must
    survive the student's remove()). Returns, per call of f: whether its arguments were
    the Hook, the layer, a tuple (and its tensors), the output; the model's outputs;
    hook counts before, while hooked and after remove(); the calls of f and of the
    probe's own hook after remove() and one more pass.
    """
    model = build(spec, params)
    layer = model[index]
    own_calls = []
    layer.register_forward_hook(lambda module, inp, outp: own_calls.append(1))
    calls = []

    def f(*args):
        calls.append(args)

    before = hook_counts(model)
    hook = m.Hook(layer, f)
    hooked = hook_counts(model)
    outputs = [model(x) for x in xs]
    records = [{"n_args": len(args),
                "is_hook": len(args) == 4 and args[0] is hook,
                "is_module": len(args) == 4 and args[1] is layer,
                "input": _entries(args[2]) if len(args) == 4 else None,
                "output": _tensor(args[3]) if len(args) == 4 else None} for args in calls]
    n_calls = len(calls)
    hook.remove()
    removed = hook_counts(model)
    model(xs[0])
    return {"records": records, "outputs": [_tensor(out) for out in outputs], "before": before, "hooked": hooked,
            "removed": removed, "calls_after_remove": len(calls) - n_calls, "own_calls": len(own_calls)}


def hook_removed_twice(m, spec, params, x, index):
    """remove() twice in a row; then a Hook removed by hand inside its with block (the exit removes again).

    Returns the hook counts after all that and the calls of f during one more pass.
    """
    model = build(spec, params)
    calls = []
    hook = m.Hook(model[index], lambda *args: calls.append(1))
    hook.remove()
    hook.remove()
    with m.Hook(model[index], lambda *args: calls.append(1)) as other:
        other.remove()
    model(x)
    return {"counts": hook_counts(model), "calls": len(calls)}


def hook_context(m, spec, params, x, index):
    """Hook as a context manager: left normally (one pass inside), then left by an exception.

    Returns whether `with ... as h` gave the Hook, the calls of f inside, the hook
    counts inside and after each block, whether the exception came out of the block,
    and the calls of f during a pass after both blocks.
    """
    model = build(spec, params)
    calls = []
    hook = m.Hook(model[index], lambda *args: calls.append(1))
    with hook as entered:
        inside = hook_counts(model)
        model(x)
    calls_inside = len(calls)
    after_normal = hook_counts(model)
    propagated = _raise_inside(m.Hook(model[index], lambda *args: calls.append(1)))
    after_exception = hook_counts(model)
    n_calls = len(calls)
    model(x)
    return {"entered_is_hook": entered is hook, "inside": inside, "calls_inside": calls_inside,
            "after_normal": after_normal, "propagated": propagated, "after_exception": after_exception,
            "calls_after": len(calls) - n_calls}


def two_hooks(m, spec, params, x, index):
    """Two Hooks on one layer: the first removed, one pass, the second removed, one pass.

    Returns the calls of each f in each pass and the hook counts after each removal.
    """
    model = build(spec, params)
    first, second = [], []
    hook1 = m.Hook(model[index], lambda *args: first.append(1))
    hook2 = m.Hook(model[index], lambda *args: second.append(1))
    hook1.remove()
    one_removed = hook_counts(model)
    model(x)
    pass1 = [len(first), len(second)]
    hook2.remove()
    both_removed = hook_counts(model)
    model(x)
    return {"one_removed": one_removed, "pass1": pass1, "both_removed": both_removed,
            "pass2": [len(first), len(second)]}


# --- Hooks -----------------------------------------------------------------------------------------

def hooks_scenario(m, spec, params, xs, indices, container):
    """Hooks(ms, f) with the kit's Hook, ms the layers model[i] for i in indices, given as a list or
    (container "sequential") as an nn.Sequential of them.

    One forward pass per x of xs, then remove() (twice), then one more pass. Returns
    len, which layer each hooks[i] and each iterated item watches, whether indexing and
    iteration give the same objects, the calls of f (which hook, which layer, in order),
    the hook counts before, while hooked and after remove, and the calls after remove.
    """
    model = build(spec, params)
    layers = [model[i] for i in indices]
    ms = layers if container == "list" else nn.Sequential(*layers)
    calls = []

    def f(hook, module, inp, outp):
        calls.append((hook, module))

    before = hook_counts(model)
    with stand_ins(m, Hook=KitHook):
        hooks = m.Hooks(ms, f)
        hooked = hook_counts(model)
        length = len(hooks)
        indexed = [hooks[i] for i in range(len(layers))]
        iterated = list(hooks)

        def watched(items):
            return [next((j for j, layer in enumerate(layers) if getattr(h, "kit_module", None) is layer), -1)
                    for h in items]

        for x in xs:
            model(x)
        order = [[next((j for j, h in enumerate(indexed) if h is hook), -1),
                  next((j for j, layer in enumerate(layers) if layer is module), -1)] for hook, module in calls]
        n_calls = len(calls)
        hooks.remove()
        removed = hook_counts(model)
        hooks.remove()
        model(xs[0])
    return {"len": length, "indexed": watched(indexed), "iterated": watched(iterated),
            "same_objects": len(indexed) == len(iterated) and all(a is b for a, b in zip(indexed, iterated)),
            "calls": order, "before": before, "hooked": hooked, "removed": removed,
            "calls_after_remove": len(calls) - n_calls}


def hooks_context(m, spec, params, x, indices):
    """Hooks over model[i] for i in indices with the kit's Hook: a with block left normally (one pass inside),
    then one left by an exception. Returns what `as` gave, the hook counts inside and after each block, whether
    the exception came out, and the calls of f during a pass after both blocks."""
    model = build(spec, params)
    layers = [model[i] for i in indices]
    calls = []
    with stand_ins(m, Hook=KitHook):
        hooks = m.Hooks(layers, lambda *args: calls.append(1))
        with hooks as entered:
            inside = hook_counts(model)
            model(x)
        calls_inside = len(calls)
        after_normal = hook_counts(model)
        propagated = _raise_inside(m.Hooks(layers, lambda *args: calls.append(1)))
        after_exception = hook_counts(model)
    n_calls = len(calls)
    model(x)
    return {"entered_is_hooks": entered is hooks, "inside": inside, "calls_inside": calls_inside,
            "after_normal": after_normal, "propagated": propagated, "after_exception": after_exception,
            "calls_after": len(calls) - n_calls}


# --- append_stats ----------------------------------------------------------------------------------

def _stats_of(hook):
    """hook.stats as plain data: None when absent; [means, stds] with each entry copied (or described)."""
    if not hasattr(hook, "stats"):
        return None
    stats = hook.stats
    if not isinstance(stats, (tuple, list)) or len(stats) != 2 or not all(isinstance(s, list) for s in stats):
        return f"not a pair of lists: {type(stats).__name__}"
    return [[_tensor(v) for v in s] for s in stats]


def _attached(hook) -> list[bool]:
    """For each recorded entry: does it require grad or carry a graph (grad_fn)?"""
    if not hasattr(hook, "stats") or not isinstance(hook.stats, (tuple, list)):
        return []
    return [bool(isinstance(v, torch.Tensor) and (v.requires_grad or v.grad_fn is not None))
            for s in hook.stats if isinstance(s, list) for v in s]


def append_stats(m, spec, params, dtype, xs, modes):
    """The kit's Hook with f = append_stats on every layer of the model, one forward pass per x of xs,
    the model in modes[i] ("train" or "eval") for pass i; autograd on, the parameters requiring grad.

    Returns hook.stats of every layer after every pass, whether any recorded entry
    keeps a graph, and the model's outputs.
    """
    model = build(spec, params, dtype)
    hooks = [KitHook(layer, m.append_stats) for layer in model]
    stats, outputs = [], []
    with torch.enable_grad():
        for x, mode in zip(xs, modes, strict=True):
            model.train(mode == "train")
            outputs.append(_tensor(model(x)))
            stats.append([_stats_of(h) for h in hooks])
    attached = any(flag for h in hooks for flag in _attached(h))
    for h in hooks:
        h.remove()
    return {"stats": stats, "attached": attached, "outputs": outputs}


# --- GeneralRelu -----------------------------------------------------------------------------------

def general_relu(m, leak, sub, maxv, xs, ws):
    """GeneralRelu(leak, sub, maxv) applied to each x of xs in turn (one layer, called again and again).

    Each call gets a non-leaf tensor (as inside a network, so that autograd itself
    does not refuse an in-place change); returns per call the output, the gradient of
    sum(out * w) with respect to x (None when the output is not a differentiable
    tensor of w's shape) and the input as it was after the call.
    """
    layer = m.GeneralRelu(leak=leak, sub=sub, maxv=maxv)
    results = []
    for x, w in zip(xs, ws, strict=True):
        with torch.enable_grad():
            leaf = x.clone().requires_grad_()
            inp = leaf * 1
            out = layer(inp)
            grad = None
            if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == w.shape:
                (grad,) = torch.autograd.grad((out * w).sum(), leaf, allow_unused=True)
        results.append({"out": _tensor(out), "grad": grad, "input_after": inp.detach()})
    return results


# --- init_cnn --------------------------------------------------------------------------------------

def export_layers(model) -> list[dict]:
    """Every module with parameters of its own, in `modules()` order: its class name and its tensors."""
    return [{"kind": type(sub).__name__, **{name: _tensor(p) for name, p in sub.named_parameters(recurse=False)}}
            for sub in model.modules() if any(True for _ in sub.parameters(recurse=False))]


def init_cnn(m, spec, params, uniform, seeds):
    """The model of `spec` with `params` loaded, then for each s of seeds: torch.manual_seed(s),
    init_cnn(model) (with uniform=True only when `uniform`), and its layers exported (see export_layers)."""
    model = build(spec, params, "float32")
    exports = []
    for seed in seeds:
        torch.manual_seed(seed)
        if uniform:
            m.init_cnn(model, uniform=True)
        else:
            m.init_cnn(model)
        exports.append(export_layers(model))
    return exports


# --- lsuv_module -----------------------------------------------------------------------------------

def lsuv_module(m, spec, params, dtype, xb, index, tol, calls):
    """lsuv_module(model, model[index], xb, tol) called `calls` times in a row (tol None: the default), with the
    kit's Hook and Hooks in place of the student's.

    Returns per call: what it returned, every parameter of the model after it (in
    parameters() order), the hook counts after it, and xb as it was after it.
    """
    model = build(spec, params, dtype)
    layer = model[index]
    results = []
    with stand_ins(m, Hook=KitHook, Hooks=KitHooks):
        for _ in range(calls):
            returned = m.lsuv_module(model, layer, xb) if tol is None else m.lsuv_module(model, layer, xb, tol)
            if isinstance(returned, tuple):
                returned = [r if type(r) in (int, float) else _tensor(r) if isinstance(r, torch.Tensor)
                            else f"not a number: {type(r).__name__}" for r in returned]
            elif not isinstance(returned, (list, float, int)) or type(returned) is bool:
                returned = f"not a tuple: {type(returned).__name__}"
            results.append({"returned": returned, "params": [_tensor(p) for p in model.parameters()],
                            "counts": hook_counts(model), "xb_after": _tensor(xb)})
    return results


# --- HookBwd ---------------------------------------------------------------------------------------

def _stored(hook):
    stored = getattr(hook, "stored", "no attribute stored")
    return None if stored is None else _tensor(stored) if isinstance(stored, torch.Tensor) else str(stored)


def hookbwd(m, spec, params, x, index, ws):
    """HookBwd(model[index]) as a context manager; inside it, one backward pass of sum(model(x) * w) per w of
    ws (the last one with create_graph=True); then an exception raised inside a second HookBwd's block.

    Returns `.stored` after each backward pass, whether it then required grad,
    whether `as` gave the HookBwd, the hook counts inside and after each block,
    whether the exception came out, and `.stored` after a backward pass once the
    block was left.
    """
    model = build(spec, params)
    stored, attached = [], []
    with torch.enable_grad():
        hook = m.HookBwd(model[index])
        with hook as entered:
            inside = hook_counts(model)
            for i, w in enumerate(ws):
                leaf = x.clone().requires_grad_()
                last = i == len(ws) - 1
                grads = torch.autograd.grad((model(leaf) * w).sum(), [leaf, *model.parameters()], create_graph=last)
                del grads
                stored.append(_stored(hook))
                value = getattr(hook, "stored", None)
                attached.append(bool(isinstance(value, torch.Tensor) and value.requires_grad))
        after = hook_counts(model)
        leaf = x.clone().requires_grad_()
        torch.autograd.grad((model(leaf) * ws[0]).sum(), leaf)
        stored_after_exit = _stored(hook)
        propagated = _raise_inside(m.HookBwd(model[index]))
        after_exception = hook_counts(model)
    return {"stored": stored, "attached": attached, "entered_is_hook": entered is hook, "inside": inside,
            "after": after, "stored_after_exit": stored_after_exit, "propagated": propagated,
            "after_exception": after_exception}


# --- grad_cam --------------------------------------------------------------------------------------

def grad_cam(m, spec, params, dtype, x, index, classes, grads):
    """grad_cam(model, model[index], x, cls) for each cls of classes, on one model, with the kit's Hook, Hooks
    and HookBwd in place of the student's. Before the calls, each parameter's .grad is set to grads[i] (None:
    left None).

    Returns the maps, the hook counts after the calls, the parameters' .grad after
    them (None where None), the parameters themselves and x as it was after.
    """
    model = build(spec, params, dtype)
    for p, g in zip(model.parameters(), grads, strict=True):
        p.grad = None if g is None else g.clone()
    maps = []
    with stand_ins(m, Hook=KitHook, Hooks=KitHooks, HookBwd=KitHookBwd):
        for cls in classes:
            maps.append(_tensor(m.grad_cam(model, model[index], x, cls)))
    return {"maps": maps, "counts": hook_counts(model),
            "grads": [None if p.grad is None else _tensor(p.grad) for p in model.parameters()],
            "params": [_tensor(p) for p in model.parameters()], "x_after": _tensor(x)}
