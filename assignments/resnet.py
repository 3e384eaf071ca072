"""Lesson 12: the residual block.

A residual block computes relu(convs(x) + idpath(x)): the convolutions learn
a correction to the identity rather than the whole mapping. Its second
BatchNorm starts with weight 0, so at initialisation convs(x) = 0 and a block
with as many input as output channels and stride 1 returns relu(x): a deep
stack of them starts as (almost) the identity and trains easily.

    conv_layer(ni, nf, ks, stride, zero_bn, act) =
        Conv2d(ni, nf, ks, stride, padding=ks // 2, bias=False)
        -> BatchNorm2d(nf) with weight 0 if zero_bn else 1, bias 0
        -> ReLU, if act

    ResBlock(ni, nf, stride):
        convs  = conv_layer(ni, nf, 3, stride) -> conv_layer(nf, nf, 3, zero_bn=True, act=False)
        idpath = AvgPool2d(2, ceil_mode=True) if stride != 1, then conv_layer(ni, nf, 1, act=False)
                 if ni != nf; the input itself when ni == nf and stride == 1
        out    = relu(convs(x) + idpath(x))

Shapes: (N, ni, H, W) -> (N, nf, ceil(H / stride), ceil(W / stride)), odd sizes included.
"""
import torch
import torch.nn.functional as F
from torch import nn


def conv_layer(ni: int, nf: int, ks: int = 3, stride: int = 1, zero_bn: bool = False,
               act: bool = True) -> nn.Sequential:
    """Conv2d (no bias, padding ks // 2), BatchNorm2d (weight 0 if zero_bn else 1, bias 0), then ReLU if act.

    Args:
        ni: input channels.
        nf: output channels.
        ks: kernel size.
        stride: the convolution's stride.
        zero_bn: start the BatchNorm's weight at 0 (the last layer of a residual branch).
        act: end with a ReLU.

    Returns:
        An nn.Sequential of those layers.
    """
    raise NotImplementedError("lesson 12, assignment 13 resnet: write conv_layer")


class ResBlock(nn.Module):
    """relu(convs(x) + idpath(x)), as in the module's docstring.

    Args:
        ni: input channels.
        nf: output channels.
        stride: 1, or 2 to halve the height and width (rounding up).
    """

    def __init__(self, ni: int, nf: int, stride: int = 1):
        super().__init__()
        raise NotImplementedError("lesson 12, assignment 13 resnet: write ResBlock.__init__")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """(N, ni, H, W) -> (N, nf, ceil(H / stride), ceil(W / stride))."""
        raise NotImplementedError("lesson 12, assignment 13 resnet: write ResBlock.forward")
