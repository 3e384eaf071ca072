"""Lesson 8: the forward and backward passes of a two-layer net, by hand.

The network of the lesson, for inputs `inp` of shape (N, n_in) and targets
`targ` of shape (N,):

    l1 = lin(inp, w1, b1)      # (N, nh)
    l2 = relu(l1)              # (N, nh)
    out = lin(l2, w2, b2)      # (N, 1)
    loss = mse(out, targ)      # scalar

with `w` of shape (n_in, n_out) and `b` of shape (n_out,). The backward pass
applies the chain rule from the loss back to the inputs. Each `*_grad`
function receives the tensors of one step and stores the gradient of the loss
with respect to that step's inputs in a `.g` attribute, as the lesson does:
`relu_grad(inp, out)` reads `out.g` (the gradient already computed for the
step's output) and sets `inp.g`. Autograd is not used; the tests compare your
`.g` values with torch.autograd's.

Every function works for any float dtype (the result keeps the input's dtype)
and for a batch of one (N = 1). Each `*_grad` call sets `.g` anew: a second
call (the next training step) replaces the gradient, never adds to one left by
the first. No function changes its arguments (`inp`, `w`, `b`, `targ`, nor
`out.g`: the step before reads it again), and `forward_and_backward` computes
gradients only, it does not update the parameters.
"""
import torch


def lin(x: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """A linear layer: `x @ w + b`.

    Args:
        x: (N, n_in) inputs.
        w: (n_in, n_out) weights.
        b: (n_out,) bias, broadcast over the batch.

    Returns:
        (N, n_out) tensor.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write lin")


def relu(x: torch.Tensor) -> torch.Tensor:
    """The rectified linear unit, max(x, 0) elementwise; `x` itself is not modified.

    Args:
        x: tensor of any shape.

    Returns:
        Tensor of `x`'s shape and dtype.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write relu")


def mse(output: torch.Tensor, targ: torch.Tensor) -> torch.Tensor:
    """Mean squared error between the network's (N, 1) output and (N,) targets.

    mse = (1/N) * sum_i (output[i, 0] - targ[i])**2. Mind the shapes:
    `output - targ` would broadcast (N, 1) against (N,) into an (N, N) matrix.

    Args:
        output: (N, 1) predictions.
        targ: (N,) targets.

    Returns:
        0-dim tensor.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write mse")


def mse_grad(inp: torch.Tensor, targ: torch.Tensor) -> None:
    """Set `inp.g`, the gradient of `mse(inp, targ)` with respect to `inp`.

    d mse / d inp[i, 0] = 2 * (inp[i, 0] - targ[i]) / N.

    Args:
        inp: (N, 1) predictions; receives `.g` of shape (N, 1).
        targ: (N,) targets.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write mse_grad")


def relu_grad(inp: torch.Tensor, out: torch.Tensor) -> None:
    """Set `inp.g` from `out.g`, where `out = relu(inp)`.

    The derivative of relu is 1 where inp > 0 and 0 elsewhere; in this course
    it is 0 at exactly 0 (torch's convention too).

    Args:
        inp: the relu's input; receives `.g` of its shape.
        out: the relu's output, whose `.g` holds d loss / d out.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write relu_grad")


def lin_grad(inp: torch.Tensor, out: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> None:
    """Set `inp.g`, `w.g` and `b.g` from `out.g`, where `out = lin(inp, w, b)`.

    With out = inp @ w + b and G = out.g of shape (N, n_out):
        inp.g = G @ w.T          (N, n_in)
        w.g   = inp.T @ G        (n_in, n_out), summed over the batch
        b.g   = G.sum(0)         (n_out,), summed (not averaged) over the batch

    Args:
        inp: (N, n_in) layer input.
        out: (N, n_out) layer output with `.g` set.
        w: (n_in, n_out) weights.
        b: (n_out,) bias.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write lin_grad")


def forward_and_backward(inp, targ, w1, b1, w2, b2) -> torch.Tensor:
    """Run the lesson's network forward and backward; return the loss.

    Forward: lin, relu, lin, mse (see the module's docstring). Backward:
    mse_grad, lin_grad, relu_grad, lin_grad, using this module's functions.
    Afterwards `inp`, `w1`, `b1`, `w2` and `b2` each carry `.g`, the gradient of
    the loss with respect to them.

    Args:
        inp: (N, n_in) inputs.
        targ: (N,) targets.
        w1: (n_in, nh) and b1: (nh,), the first layer.
        w2: (nh, 1) and b2: (1,), the second layer.

    Returns:
        The loss, a 0-dim tensor.
    """
    raise NotImplementedError("lesson 8, assignment 02 backprop: write forward_and_backward")
