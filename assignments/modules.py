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
        raise NotImplementedError("lesson 9, assignment 03 modules: write Parameter.__new__")


class Module:
    """The base of every layer: registration by assignment, `parameters()`, `children()`, `training`.

    A subclass calls `super().__init__()` first, then assigns its parameters and
    child modules as attributes, and defines `forward`.
    """

    def __init__(self):
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.__init__")

    def __setattr__(self, name: str, value) -> None:
        """Set the attribute; a Parameter or a Module assigned to it is registered under its name.

        Registration keeps assignment order; assigning again to a name replaces
        what was registered there, in its place; assigning something else (None,
        a plain tensor) to it unregisters it.
        """
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.__setattr__")

    def parameters(self) -> list:
        """This module's own parameters in assignment order, then each child's, recursively; each tensor once."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.parameters")

    def children(self) -> list:
        """The modules registered on this one (not their children), in assignment order."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.children")

    @property
    def training(self) -> bool:
        return self._training

    @training.setter
    def training(self, mode: bool) -> None:
        """Set the mode of this module and of every descendant."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.training")

    def train(self, mode: bool = True) -> "Module":
        self.training = mode
        return self

    def eval(self) -> "Module":
        return self.train(False)

    def __call__(self, *args):
        """`self.forward(*args)`."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write Module.__call__")

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
        raise NotImplementedError("lesson 9, assignment 03 modules: write Linear.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, ni) -> (N, nf)."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write Linear.forward")


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
        raise NotImplementedError("lesson 9, assignment 03 modules: write ConvLayer.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (N, ni, H, W) -> (N, nf, ceil(H / stride), ceil(W / stride))."""
        raise NotImplementedError("lesson 9, assignment 03 modules: write ConvLayer.forward")


class Sequential(Module):
    """Its layers, registered in order, applied in order.

    Args:
        *layers: modules (or any callables; only Modules are registered).
    """

    def __init__(self, *layers):
        super().__init__()
        raise NotImplementedError("lesson 9, assignment 03 modules: write Sequential.__init__")

    def forward(self, x):
        raise NotImplementedError("lesson 9, assignment 03 modules: write Sequential.forward")
