"""Lessons 10-11: learning-rate schedules and the one-cycle policy.

A schedule is a function of the training progress pos in [0, 1]. Two simple
ones go from `start` at pos 0 to `end` at pos 1:

    sched_lin(start, end, pos) = start + pos * (end - start)
    sched_cos(start, end, pos) = start + (1 - cos(pi * pos)) * (end - start) / 2

`combine_scheds(pcts, scheds)` glues schedules end to end: phase i takes the
fraction pcts[i] of training (pcts sum to 1, up to rounding: [0.7, 0.2, 0.1]
sums to 0.9999999999999999, so never assert an exact sum) and runs scheds[i]
from its pos 0 to its pos 1. A pos on a boundary between two phases belongs to
the earlier phase, at that phase's pos 1; the last phase takes everything past
the last inner boundary, pos 1 included. It leaves `pcts` and `scheds` as it
found them.

Precision: sched_lin and sched_cos may be computed in float32, with tensors, as
the lesson does: they are judged within float32's rounding of the formula
(8 eps32 (|start| + |end|), eps32 = 2**-23). combine_scheds and OneCycle are
judged at float64's precision (1e-9): near a boundary, or at the end of the
cycle where the learning rate is max_lr / div / div_final, float32's rounding is
as large as what is judged.

One-cycle training (Smith's super-convergence) warms the learning rate up
from max_lr / div to max_lr, then anneals it to max_lr / div / div_final,
both with cosines, while the momentum moves the opposite way (high when the
learning rate is low). `OneCycle` is a callback that sets both before every
training batch, matching torch.optim.lr_scheduler.OneCycleLR step for step.
"""
import math

from .learner import Callback


def sched_lin(start: float, end: float, pos: float) -> float:
    """Linear from `start` (pos 0) to `end` (pos 1); float32's precision is enough (see the module's docstring)."""
    raise NotImplementedError("lessons 10-11, assignment 07 schedule: write sched_lin")


def sched_cos(start: float, end: float, pos: float) -> float:
    """Half a cosine from `start` (pos 0) to `end` (pos 1): flat at both ends, steepest in the middle.

    Float32's precision is enough (see the module's docstring).
    """
    raise NotImplementedError("lessons 10-11, assignment 07 schedule: write sched_cos")


def combine_scheds(pcts, scheds):
    """One schedule made of phases: phase i spans the fraction pcts[i] and runs scheds[i] over it.

    Args:
        pcts: fractions of training, positive, summing to 1 up to rounding; left unchanged.
        scheds: functions of a phase's own pos in [0, 1], one per phase; left unchanged.

    Returns:
        A function of pos in [0, 1] (1 included). A pos on a boundary belongs to
        the earlier phase, evaluated at that phase's pos 1.
    """
    raise NotImplementedError("lessons 10-11, assignment 07 schedule: write combine_scheds")


class OneCycle(Callback):
    """Set every parameter group's lr and momentum before each training batch, as OneCycleLR would.

    Over the T = n_epochs * len(dls.train) training batches of a fit, training
    batch i gets the learning rate of torch.optim.lr_scheduler.OneCycleLR(opt,
    max_lr, total_steps=T, pct_start, div_factor=div, final_div_factor=div_final,
    anneal_strategy='cos') after i calls of step(): with e = pct_start * T - 1,
    a cosine from max_lr / div to max_lr over steps 0..e, then from max_lr to
    max_lr / div / div_final over steps e..T-1. The momentum (`momentum`,
    betas[0] for torch's Adam-like optimizers, or `mom` in the kit's own,
    optimizer.py) goes from moms[0] to moms[1] and back to moms[2] over the same
    phases; the rest of a group (betas[1], sqr_mom) is left as it is. Validation
    batches leave the schedule alone.

    Args:
        max_lr: the peak learning rate.
        pct_start: the fraction of steps spent warming up.
        div: max_lr / div is the starting learning rate.
        div_final: the final learning rate is max_lr / div / div_final.
        moms: the momentum at the start, at the peak, and at the end.
    """

    def __init__(self, max_lr: float, pct_start: float = 0.25, div: float = 25.0, div_final: float = 1e5,
                 moms=(0.95, 0.85, 0.95)):
        self.max_lr, self.pct_start, self.div, self.div_final, self.moms = max_lr, pct_start, div, div_final, moms

    def before_fit(self) -> None:
        """Count the training steps of this fit and start at step 0."""
        raise NotImplementedError("lessons 10-11, assignment 07 schedule: write OneCycle.before_fit")

    def before_batch(self) -> None:
        """In training, set lr and momentum for the current step of every group, then advance the step."""
        raise NotImplementedError("lessons 10-11, assignment 07 schedule: write OneCycle.before_batch")

    def values(self, step: int):
        """(lr, momentum) at training step `step` of `self.total`."""
        raise NotImplementedError("lessons 10-11, assignment 07 schedule: write OneCycle.values")


def plot_schedule(schedule, path, points: int = 200) -> None:
    """Save a plot of `schedule` (a function of pos in [0, 1]) to `path`, with matplotlib's Agg backend."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [i / (points - 1) for i in range(points)]
    figure, axis = plt.subplots(figsize=(5, 3.5))
    axis.plot(xs, [schedule(x) for x in xs])
    axis.set_xlabel("pos")
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
