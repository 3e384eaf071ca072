"""Lesson 9 (fastbook chapter 19): Parameter and Module, the base of every layer, and three layers on them.

torch.nn.Module does three things for a layer, and here you build them:

- it *registers* what is assigned to it: `self.w = Parameter(...)` records a
  parameter, `self.conv = ConvLayer(...)` a child module, in assignment order;
- `parameters()` lists every parameter of the module and of its children,
  recursively, each tensor once (a parameter shared by two layers, or a layer
  used twice, is trained once), which is what an optimizer is given:
  `torch.optim.SGD(model.parameters(), lr=0.1)` works on your modules;
- `training` is True after construction, and setting it (or `train()`,
  `eval()`) sets it on every descendant, so that a Dropout deep inside a model
  knows it is being evaluated.

Calling a module calls its `forward`. A `Parameter` is a tensor (a subclass of
torch.Tensor, not nn.Parameter) that requires grad.

The layers:

    Linear(ni, nf)(x)      = x @ w.t() + b          w (nf, ni) ~ N(0, 2 / (ni + nf))  (Xavier)
                                                     b (nf,) = 0
    ConvLayer(ni, nf, stride=1, bias=True, act=True)(x)
                           = relu?(conv2d(x, w, b, stride, padding=1))
                                                     w (nf, ni, 3, 3) ~ N(0, 2 / (9 ni))  when act (Kaiming,
                                                     fan in), N(0, 2 / (9 ni + 9 nf)) when not (Xavier);
                                                     b (nf,) = 0 when bias
    Sequential(*layers)(x) = layers[-1](...layers[0](x))

Initial weights are drawn from torch's global generator, so `torch.manual_seed`
makes them reproducible.
"""
import math

import torch
import torch.nn.functional as F


class Parameter(torch.Tensor):
    """A tensor with `data`'s values that requires grad, and that a Module registers as a parameter.

    It is an instance of this class (a torch.Tensor subclass), with data's dtype
    and shape, and a leaf of the autograd graph even where `data` was computed
    from tensors that require grad (it is detached from their graph), so that
    torch.optim can update it in place. `data` itself is left as it was: its
    values, and its requires_grad flag.

    Args:
        data: a float tensor (or anything `torch.as_tensor` takes).
    """

    # What an operation on a Parameter returns is a plain tensor (as with nn.Parameter): a layer's output is
    # not a parameter.
    __torch_function__ = torch._C._disabled_torch_function_impl

    def __new__(cls, data):
        ### BEGIN SOLUTION
        return torch.Tensor._make_subclass(cls, torch.as_tensor(data).detach(), True)
        ### END SOLUTION


class Module:
    """The base of every layer: registration by assignment, `parameters()`, `children()`, `training`.

    A subclass calls `super().__init__()` first, then assigns its parameters and
    child modules as attributes, and defines `forward`.
    """

    def __init__(self):
        ### BEGIN SOLUTION
        object.__setattr__(self, "_parameters", {})
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_training", True)
        ### END SOLUTION

    def __setattr__(self, name: str, value) -> None:
        """Set the attribute; a Parameter or a Module assigned to it is registered under its name.

        Registration keeps assignment order; assigning again to a name replaces
        what was registered there, in its place; assigning something else (None,
        a plain tensor) to it unregisters it.
        """
        ### BEGIN SOLUTION
        registries = self.__dict__.get("_parameters"), self.__dict__.get("_modules")
        if registries[0] is not None:
            for registry, kind in zip(registries, (Parameter, Module)):
                if isinstance(value, kind):
                    registry[name] = value
                else:
                    registry.pop(name, None)
        object.__setattr__(self, name, value)
        ### END SOLUTION

    def parameters(self) -> list:
        """This module's own parameters in assignment order, then each child's, recursively; each tensor once."""
        ### BEGIN SOLUTION
        found, seen = [], set()

        def collect(module):
            for parameter in module._parameters.values():
                if id(parameter) not in seen:
                    seen.add(id(parameter))
                    found.append(parameter)
            for child in module._modules.values():
                collect(child)

        collect(self)
        return found
        ### END SOLUTION

    def children(self) -> list:
        """The modules registered on this one (not their children), in assignment order."""
        ### BEGIN SOLUTION
        return list(self._modules.values())
        ### END SOLUTION

    @property
    def training(self) -> bool:
        return self._training

    @training.setter
    def training(self, mode: bool) -> None:
        """Set the mode of this module and of every descendant."""
        ### BEGIN SOLUTION
        object.__setattr__(self, "_training", bool(mode))
        for child in self._modules.values():
            child.training = mode
        ### END SOLUTION

    def train(self, mode: bool = True) -> "Module":
        self.training = mode
        return self

    def eval(self) -> "Module":
        return self.train(False)

    def __call__(self, *args):
        """`self.forward(*args)`."""
        ### BEGIN SOLUTION
        return self.forward(*args)
        ### END SOLUTION

    def forward(self, *args):
        raise TypeError(f"{type(self).__name__} defines no forward")


class Linear(Module):
    """`x @ w.t() + b`, with `w` (nf, ni) from Xavier's normal init and `b` (nf,) zeros.

    Args:
        ni: input features.
        nf: output features.
    """

    def __init__(self, ni: int, nf: int):
        super().__init__()
        ### BEGIN SOLUTION
        self.w = Parameter(torch.randn(nf, ni) * math.sqrt(2 / (ni + nf)))
        self.b = Parameter(torch.zeros(nf))
        ### END SOLUTION

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, ni) -> (N, nf)."""
        ### BEGIN SOLUTION
        return x @ self.w.t() + self.b
        ### END SOLUTION


class ConvLayer(Module):
    """A 3x3 convolution (padding 1), then relu when `act`.

    Args:
        ni: input channels.
        nf: output channels.
        stride: the convolution's stride.
        bias: whether there is a bias `b` (nf,) of zeros; without one, `b` is None.
        act: relu after the convolution; it also picks the init of `w` (nf, ni, 3, 3): Kaiming's
            normal (fan in, gain sqrt(2): std sqrt(2 / (9 ni))) before a relu, Xavier's
            (std sqrt(2 / (9 ni + 9 nf))) without one.
    """

    def __init__(self, ni: int, nf: int, stride: int = 1, bias: bool = True, act: bool = True):
        super().__init__()
        ### BEGIN SOLUTION
        fan_in, fan_out = 9 * ni, 9 * nf
        std = math.sqrt(2 / fan_in) if act else math.sqrt(2 / (fan_in + fan_out))
        self.w = Parameter(torch.randn(nf, ni, 3, 3) * std)
        self.b = Parameter(torch.zeros(nf)) if bias else None
        self.stride, self.act = stride, act
        ### END SOLUTION

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, ni, H, W) -> (N, nf, ceil(H / stride), ceil(W / stride))."""
        ### BEGIN SOLUTION
        out = F.conv2d(x, self.w, self.b, stride=self.stride, padding=1)
        return F.relu(out) if self.act else out
        ### END SOLUTION


class Sequential(Module):
    """Its layers, registered in order, applied in order.

    Args:
        *layers: modules (or any callables; only Modules are registered).
    """

    def __init__(self, *layers):
        super().__init__()
        ### BEGIN SOLUTION
        self.layers = list(layers)
        for i, layer in enumerate(layers):
            setattr(self, f"layer{i}", layer)
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        for layer in self.layers:
            x = layer(x)
        return x
        ### END SOLUTION
