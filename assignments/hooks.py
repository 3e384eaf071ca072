"""Lesson 10 (fastbook chapter 18): hooks, activation statistics, initialisation and Grad-CAM.

A *hook* is a function PyTorch calls every time a module runs: a forward hook
gets `(module, input, output)` after the forward pass, a backward hook the
gradients. With hooks you can watch what happens inside a model without
changing it: record the mean and standard deviation of every layer's output
while training (`append_stats`) and see activations die or explode; fix the
initialisation layer by layer until the outputs have unit variance (LSUV); see
which parts of an image a class decision rests on (Grad-CAM). A hook must be
removed when you are done with it, or it runs (and holds memory) forever:
`Hook` and `Hooks` are context managers that remove theirs on leaving the
`with` block, also when the block raises.

    GeneralRelu(leak, sub, maxv)(x) = min(leaky_relu(x, leak) - sub, maxv)
        (relu when leak is None; no shift when sub is None; no clamp when maxv is None)

    init_cnn(m): every nn.Conv2d and nn.Linear in m gets kaiming_normal_(weight, a=0.1)
        (kaiming_uniform_ with uniform=True) and a zero bias

    grad_cam(model, layer, x, cls) = sum over k of w_k * A_k,   A = layer's output for x (1, K, h, w),
        w_k = the mean over positions of d model(x)[0, cls] / d A_k
"""
import torch
import torch.nn.functional as F
from torch import nn


class Hook:
    """A forward hook on `m` that calls `f(hook, module, input, output)`; `remove()` unregisters it.

    Args:
        m: an nn.Module.
        f: called after every forward pass of m, with this Hook first (so f can keep state on it).

    A context manager: leaving the `with` block removes the hook. Removing twice is harmless.
    """

    def __init__(self, m: nn.Module, f):
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hook.__init__")

    def remove(self) -> None:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hook.remove")

    def __enter__(self) -> "Hook":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


class Hooks:
    """One `Hook(m, f)` per module of `ms`, in order: `len`, indexing, iteration; `remove()` removes all.

    Args:
        ms: nn.Modules.
        f: as for Hook.

    A context manager: leaving the `with` block removes every hook, also when the block raises.
    """

    def __init__(self, ms, f):
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hooks.__init__")

    def __len__(self) -> int:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hooks.__len__")

    def __getitem__(self, i) -> Hook:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hooks.__getitem__")

    def __iter__(self):
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hooks.__iter__")

    def remove(self) -> None:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write Hooks.remove")

    def __enter__(self) -> "Hooks":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


def append_stats(hook: Hook, mod: nn.Module, inp, outp: torch.Tensor) -> None:
    """In training mode only, append the output's mean and standard deviation to `hook.stats`.

    `hook.stats` is `(means, stds)`, two lists created on the first call; each
    entry a detached 0-d tensor: `outp.detach().mean()`, `outp.detach().std()`
    (torch's std, the unbiased one).
    """
    raise NotImplementedError("lesson 10, assignment 08 hooks: write append_stats")


class GeneralRelu(nn.Module):
    """Leaky relu with slope `leak` (plain relu when None), minus `sub` (when given), at most `maxv` (when given).

    The input is left unchanged.
    """

    def __init__(self, leak: float | None = None, sub: float | None = None, maxv: float | None = None):
        super().__init__()
        raise NotImplementedError("lesson 10, assignment 08 hooks: write GeneralRelu.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write GeneralRelu.forward")


def init_cnn(m: nn.Module, uniform: bool = False) -> None:
    """Kaiming-initialise every nn.Conv2d and nn.Linear inside `m` (m included): weight with a=0.1, bias zero.

    Args:
        m: the model.
        uniform: kaiming_uniform_ instead of kaiming_normal_.
    """
    raise NotImplementedError("lesson 10, assignment 08 hooks: write init_cnn")


def lsuv_module(model: nn.Module, m: nn.Module, xb: torch.Tensor, tol: float = 1e-3) -> tuple[float, float]:
    """Layer-sequential unit variance: fix `m`'s bias, then its weight, until its output on `xb` is standardised.

    Runs `model(xb)` (without gradients) watching `m`'s output with a hook. While
    |mean| > tol (at most 10 rounds) it subtracts the mean from `m.bias` and runs
    again; then, while |std - 1| > tol (at most 10 rounds), it divides `m.weight` by
    the std and runs again. The hook is removed at the end.

    `m` has a `weight` and a `bias` (an nn.Linear or nn.Conv2d); its output on xb
    is not constant (its std is divided by). Only m's parameters change; xb does not.

    Returns:
        (mean, std) of m's output in the last forward pass, as floats (torch's std, the unbiased one).
    """
    raise NotImplementedError("lesson 10, assignment 08 hooks: write lsuv_module")


class HookBwd:
    """Stores in `.stored` the detached gradient of `m`'s output at every backward pass through `m`.

    A context manager: leaving the `with` block removes the hook.
    """

    def __init__(self, m: nn.Module):
        raise NotImplementedError("lesson 10, assignment 08 hooks: write HookBwd.__init__")

    def _store(self, module, grad_input, grad_output):
        raise NotImplementedError("lesson 10, assignment 08 hooks: write HookBwd._store")

    def remove(self) -> None:
        raise NotImplementedError("lesson 10, assignment 08 hooks: write HookBwd.remove")

    def __enter__(self) -> "HookBwd":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


def grad_cam(model: nn.Module, layer: nn.Module, x: torch.Tensor, cls: int) -> torch.Tensor:
    """The Grad-CAM map (h, w) of `layer` for one image `x` (1, C, H, W) and class index `cls`.

    With A (1, K, h, w) the layer's output, w the spatial mean of the gradient of
    `model(x)[0, cls]` with respect to A[0] (one weight per channel), the map is
    `(w[:, None, None] * A[0]).sum(0)`, in x's dtype, with no relu applied. The model
    is left with no hooks, and its parameters' `.grad` as they were (take the
    gradient with torch.autograd.grad; backward() would add to them).
    """
    raise NotImplementedError("lesson 10, assignment 08 hooks: write grad_cam")

