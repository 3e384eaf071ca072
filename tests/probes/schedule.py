"""Probes for assignment 05, schedule."""
import math

import torch


def values(m, name, starts, ends, positions):
    """m.<name>(start, end, pos) for each triple."""
    return [float(getattr(m, name)(s, e, p)) for s, e, p in zip(starts, ends, positions)]


def _stand_in(kind, start, end):
    """The kit's own sched_lin / sched_cos, so combine_scheds is graded on its own."""
    if kind == "lin":
        return lambda pos: start + pos * (end - start)
    return lambda pos: start + (1 - math.cos(math.pi * pos)) * (end - start) / 2


def combined(m, pcts, phases, positions):
    """combine_scheds(pcts, stand-in schedules) evaluated at each position."""
    schedule = m.combine_scheds(pcts, [_stand_in(kind, start, end) for kind, start, end in phases])
    return [float(schedule(p)) for p in positions]


OPTIMIZERS = {"sgd": lambda groups: torch.optim.SGD(groups, lr=0.1, momentum=0.9),
              "adam": lambda groups: torch.optim.Adam(groups, lr=0.1),
              "adamw": lambda groups: torch.optim.AdamW(groups, lr=0.1)}


class _Batches:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __iter__(self):
        return iter(range(self.n))


class _Learner:
    """Just what a OneCycle callback reads: opt, dls, n_epochs, epoch, iter, n_iter, training."""

    def __init__(self, opt, n_train, n_valid, n_epochs):
        self.opt, self.n_epochs = opt, n_epochs
        self.dls = type("DataLoaders", (), {"train": _Batches(n_train), "valid": _Batches(n_valid)})()
        self.epoch = self.iter = self.n_iter = 0
        self.training = False


def one_cycle(m, kwargs, optimizer, group_lrs, n_epochs, n_train, n_valid):
    """Drive m.OneCycle(**kwargs) through a fit's events; record each group's lr and momentum per training batch."""
    groups = [{"params": [torch.zeros(2, requires_grad=True)], "lr": lr} for lr in group_lrs]
    opt = OPTIMIZERS[optimizer](groups)
    learn = _Learner(opt, n_train, n_valid, n_epochs)
    cb = m.OneCycle(**kwargs)
    cb.learn = learn

    def fire(event):
        method = getattr(cb, event, None)
        if callable(method):
            method()

    def momentum(group):
        return group["betas"][0] if "betas" in group else group.get("momentum")

    seen = []
    fire("before_fit")
    for learn.epoch in range(n_epochs):
        fire("before_epoch")
        for training, count in ((True, n_train), (False, n_valid)):
            learn.training, learn.n_iter = training, count
            for learn.iter in range(count):
                fire("before_batch")
                if training:
                    seen.append([[float(g["lr"]), float(momentum(g))] for g in opt.param_groups])
                fire("after_pred")
                fire("after_loss")
                if training:
                    fire("after_backward")
                    fire("after_step")
                fire("after_batch")
        fire("after_epoch")
    fire("after_fit")
    return seen
