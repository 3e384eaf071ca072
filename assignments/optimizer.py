"""Lesson 11: optimizers from steppers and statistics, up to Adam and LAMB.

An optimizer holds parameter groups, each a dict `{"params": [tensors], **hypers}`
as in torch, and at every `step()` updates each parameter that has a gradient.
The lesson writes every optimizer as one small class and a list of *steppers*:
functions `stepper(p, **hypers) -> p` that change one parameter in place and
ignore the hyper-parameters they do not use. A stepper may carry `_defaults`,
the hyper-parameters it needs with their default values:

    sgd_step(p, lr)              p -= lr * p.grad
    weight_decay(p, lr, wd)      p *= 1 - lr * wd                 _defaults = {"wd": 0.}
    l2_reg(p, wd)                p.grad += wd * p                 _defaults = {"wd": 0.}
    momentum_step(p, lr, grad_avg)   p -= lr * grad_avg

Optimizers with state (momentum, Adam) add *statistics*: objects with `_defaults`,
`init_state(p)` (the state of a parameter at its first step) and
`update(p, state, **hypers)` (the state after this step's gradient):

    AverageGrad(dampening=False)    mom = 0.9
        grad_avg = mom * grad_avg + mom_damp * grad,          mom_damp = 1 - mom if dampening else 1
    AverageSqrGrad(dampening=True)  sqr_mom = 0.99
        sqr_avg = sqr_mom * sqr_avg + sqr_damp * grad**2,     sqr_damp = 1 - sqr_mom if dampening else 1
    StepCount()                     step = 1, 2, 3, ...

and the steppers get the state too. Adam divides the average gradient by the root
of the average squared gradient, both debiased (averages that start at zero are too
small in the first steps): with debias(mom, damp, step) = damp * (1 - mom**step) / (1 - mom),

    debias1 = debias(mom, mom_damp, step),   debias2 = debias(sqr_mom, sqr_damp, step)
    adam_step:  p -= lr / debias1 * grad_avg / (sqrt(sqr_avg / debias2) + eps)
    lamb_step:  d = grad_avg / debias1 / (sqrt(sqr_avg / debias2) + eps) + wd * p
                p -= lr * r * d,   r = ||p|| / ||d||  (r = 1 when either norm is 0)

So, step for step: [sgd_step] is torch.optim.SGD; [l2_reg, sgd_step] is SGD with
weight_decay; momentum_step with AverageGrad() is SGD with momentum; `adam_opt()` is
torch.optim.AdamW(lr, betas=(mom, sqr_mom), eps=eps, weight_decay=wd) (Adam when wd = 0).
Schedulers (OneCycle) change a group's dict between steps: every group has a dict of its
own, and every step reads the values its dict holds then.

What each piece may change, and what it gives back:

- `step()` runs the statistics and steppers under `torch.no_grad()` (the parameters
  require grad, and the steppers change them in place). A stepper changes p in place and
  returns that same tensor; it changes nothing else (l2_reg changes p.grad and not p).
  A parameter whose .grad is None is left alone and gets no state.
- `zero_grad()` leaves a zero tensor where there was a gradient (it does not set .grad to
  None: such a parameter still steps, with a zero gradient) and None where there was none.
- A statistic's `init_state(p)` gives new tensors of p's shape and dtype; its `update`
  changes only the state, and returns the whole state dict: the other statistics'
  entries too. `mom_damp` and `sqr_damp` are numbers.
- Everything is computed in p's dtype; the tests allow the rounding of that dtype.
- `StatefulOptimizer` uses only what Optimizer documents (`param_groups`, `steppers`,
  `hypers`, `grad_params`, `zero_grad`), and `adam_opt` only the names it puts together:
  each is graded with the kit's own versions of the others, so one mistake costs once.
- `adam_opt(**defaults)` gives a function of the parameters that takes keyword
  arguments too, as `partial` does: the Learner calls `opt_func(params, lr=lr)`.
"""
from functools import partial

import torch


class Optimizer:
    """Parameter groups, updated by `steppers` at every step.

    Args:
        params: an iterable of tensors (one group), or of lists of tensors (one group per list).
        steppers: functions `stepper(p, **hypers) -> p`, run in order on each parameter with a gradient.
        **defaults: hyper-parameters of every group; they win over the steppers' `_defaults`.

    Attributes:
        param_groups: a list of dicts `{"params": [tensors], **hypers}`, as in torch, one per
            group, in the order given, each its own dict; the params are the tensors given.
        steppers: the steppers, in order.

    The steppers' `_defaults` are read, never changed: another optimizer built with the same
    steppers gets their defaults as they were.
    """

    def __init__(self, params, steppers, **defaults):
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write Optimizer.__init__")

    def hypers(self, group: dict) -> dict:
        """The group's hyper-parameters: everything in it but its params."""
        return {key: value for key, value in group.items() if key != "params"}

    def grad_params(self):
        """(p, group's hyper-parameters) for every parameter that has a gradient."""
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write Optimizer.grad_params")

    def zero_grad(self) -> None:
        """Zero the gradient of every parameter that has one."""
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write Optimizer.zero_grad")

    def step(self) -> None:
        """Under torch.no_grad(), run every stepper, in order, on every parameter that has a gradient, with its
        group's hyper-parameters as they are now."""
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write Optimizer.step")


def sgd_step(p, lr, **kwargs):
    """p -= lr * p.grad."""
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write sgd_step")


def weight_decay(p, lr, wd, **kwargs):
    """p *= 1 - lr * wd (decoupled weight decay: AdamW's)."""
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write weight_decay")


weight_decay._defaults = {"wd": 0.0}


def l2_reg(p, wd, **kwargs):
    """p.grad += wd * p (L2 regularisation: SGD's weight_decay)."""
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write l2_reg")


l2_reg._defaults = {"wd": 0.0}


class StatefulOptimizer(Optimizer):
    """An Optimizer whose steppers also get each parameter's state, kept up to date by `stats`.

    Args:
        params, steppers, **defaults: as for Optimizer; the stats' `_defaults` are merged too
            (what is passed wins).
        stats: objects with `_defaults`, `init_state(p) -> dict` and `update(p, state, **hypers) -> dict`.

    Attributes:
        state: {p: dict} for every parameter that has stepped (and no other), initialised at its first
            step from every stat's init_state(p); each parameter's state is its own.
    """

    def __init__(self, params, steppers, stats=(), **defaults):
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write StatefulOptimizer.__init__")

    def step(self) -> None:
        """Under torch.no_grad(), per parameter with a gradient: its state created at its first step, each stat's
        update, then each stepper with `**state, **hypers`."""
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write StatefulOptimizer.step")


class AverageGrad:
    """grad_avg = mom * grad_avg + (1 - mom if dampening else 1) * grad; `mom_damp` in the state too."""

    _defaults = {"mom": 0.9}

    def __init__(self, dampening: bool = False):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write AverageGrad.init_state")

    def update(self, p, state: dict, mom: float, **kwargs) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write AverageGrad.update")


class AverageSqrGrad:
    """sqr_avg = sqr_mom * sqr_avg + (1 - sqr_mom if dampening else 1) * grad**2; `sqr_damp` in the state too."""

    _defaults = {"sqr_mom": 0.99}

    def __init__(self, dampening: bool = True):
        self.dampening = dampening

    def init_state(self, p) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write AverageSqrGrad.init_state")

    def update(self, p, state: dict, sqr_mom: float, **kwargs) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write AverageSqrGrad.update")


class StepCount:
    """`step`: how many steps this parameter has taken, this one included (1 at the first)."""

    _defaults = {}

    def init_state(self, p) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write StepCount.init_state")

    def update(self, p, state: dict, **kwargs) -> dict:
        raise NotImplementedError("lesson 11, assignment 10 optimizer: write StepCount.update")


def momentum_step(p, lr, grad_avg, **kwargs):
    """p -= lr * grad_avg."""
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write momentum_step")


def debias(mom: float, damp: float, step: int) -> float:
    """What an average started at zero is scaled by after `step` steps: damp * (1 - mom**step) / (1 - mom)."""
    return damp * (1 - mom**step) / (1 - mom)


def adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    """p -= lr / debias1 * grad_avg / (sqrt(sqr_avg / debias2) + eps).

    No weight decay here (a `wd` among the keyword arguments is ignored): adam_opt runs weight_decay before it.
    """
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write adam_step")


adam_step._defaults = {"eps": 1e-5}


def lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    """d = Adam's direction + wd * p; p -= lr * (||p|| / ||d||) * d, the ratio 1 when either norm is 0.

    The norms are over the whole tensor (the square root of the sum of squares); the ratio is not clipped.
    """
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write lamb_step")


lamb_step._defaults = {"eps": 1e-6, "wd": 0.0}


def adam_opt(**defaults):
    """AdamW, from the pieces: StatefulOptimizer with weight_decay and adam_step, and the three statistics.

    `adam_opt(**defaults)(params, **more)` is `StatefulOptimizer(params, [weight_decay, adam_step], stats=[...],
    **defaults, **more)`, what is given at the call winning, as with `partial`.
    """
    raise NotImplementedError("lesson 11, assignment 10 optimizer: write adam_opt")

