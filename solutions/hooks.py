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
        ### BEGIN SOLUTION
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp, outp))
        ### END SOLUTION

    def remove(self) -> None:
        ### BEGIN SOLUTION
        if self.handle is not None:
            self.handle.remove()
            self.handle = None
        ### END SOLUTION

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
        ### BEGIN SOLUTION
        self.hooks = [Hook(m, f) for m in ms]
        ### END SOLUTION

    def __len__(self) -> int:
        ### BEGIN SOLUTION
        return len(self.hooks)
        ### END SOLUTION

    def __getitem__(self, i) -> Hook:
        ### BEGIN SOLUTION
        return self.hooks[i]
        ### END SOLUTION

    def __iter__(self):
        ### BEGIN SOLUTION
        return iter(self.hooks)
        ### END SOLUTION

    def remove(self) -> None:
        ### BEGIN SOLUTION
        for hook in self.hooks:
            hook.remove()
        ### END SOLUTION

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
    ### BEGIN SOLUTION
    if not mod.training:
        return
    if not hasattr(hook, "stats"):
        hook.stats = ([], [])
    means, stds = hook.stats
    out = outp.detach()
    means.append(out.mean())
    stds.append(out.std())
    ### END SOLUTION


class GeneralRelu(nn.Module):
    """Leaky relu with slope `leak` (plain relu when None), minus `sub` (when given), at most `maxv` (when given).

    The input is left unchanged.
    """

    def __init__(self, leak: float | None = None, sub: float | None = None, maxv: float | None = None):
        super().__init__()
        ### BEGIN SOLUTION
        self.leak, self.sub, self.maxv = leak, sub, maxv
        ### END SOLUTION

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        ### BEGIN SOLUTION
        x = F.leaky_relu(x, self.leak) if self.leak is not None else F.relu(x)
        if self.sub is not None:
            x = x - self.sub
        if self.maxv is not None:
            x = x.clamp_max(self.maxv)
        return x
        ### END SOLUTION


def init_cnn(m: nn.Module, uniform: bool = False) -> None:
    """Kaiming-initialise every nn.Conv2d and nn.Linear inside `m` (m included): weight with a=0.1, bias zero.

    Args:
        m: the model.
        uniform: kaiming_uniform_ instead of kaiming_normal_.
    """
    ### BEGIN SOLUTION
    init = nn.init.kaiming_uniform_ if uniform else nn.init.kaiming_normal_
    for module in m.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            init(module.weight, a=0.1)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    ### END SOLUTION


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
    ### BEGIN SOLUTION
    seen = {}

    def record(hook, module, inp, outp):
        seen["mean"], seen["std"] = outp.detach().mean().item(), outp.detach().std().item()

    with Hook(m, record), torch.no_grad():
        model(xb)
        for _ in range(10):
            if abs(seen["mean"]) <= tol:
                break
            m.bias -= seen["mean"]
            model(xb)
        for _ in range(10):
            if abs(seen["std"] - 1) <= tol:
                break
            m.weight /= seen["std"]
            model(xb)
    return seen["mean"], seen["std"]
    ### END SOLUTION


class HookBwd:
    """Stores in `.stored` the detached gradient of `m`'s output at every backward pass through `m`.

    A context manager: leaving the `with` block removes the hook.
    """

    def __init__(self, m: nn.Module):
        ### BEGIN SOLUTION
        self.stored = None
        self.handle = m.register_full_backward_hook(self._store)
        ### END SOLUTION

    def _store(self, module, grad_input, grad_output):
        ### BEGIN SOLUTION
        self.stored = grad_output[0].detach().clone()
        ### END SOLUTION

    def remove(self) -> None:
        ### BEGIN SOLUTION
        if self.handle is not None:
            self.handle.remove()
            self.handle = None
        ### END SOLUTION

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
    ### BEGIN SOLUTION
    kept = {}

    def keep(hook, module, inp, outp):
        kept["A"] = outp

    with Hook(layer, keep), torch.enable_grad():
        score = model(x.detach().requires_grad_())[0, cls]
    (gradient,) = torch.autograd.grad(score, kept["A"])
    weights = gradient[0].mean((1, 2))
    return (weights[:, None, None] * kept["A"][0].detach()).sum(0)
    ### END SOLUTION

