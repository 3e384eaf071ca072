"""Probes for schedule."""
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
    """combine_scheds(pcts, stand-in schedules) evaluated at each position.

    Returns {"values": the schedule at each position, "pcts": the list of fractions
    as it was after all those calls, "scheds": for each entry of the list of
    schedules after the calls, the index of the stand-in it was (None for anything
    else)}; an untouched list of schedules gives [0, 1, ..., n - 1].
    """
    scheds = [_stand_in(kind, start, end) for kind, start, end in phases]
    given = list(scheds)
    schedule = m.combine_scheds(pcts, scheds)
    got = [float(schedule(p)) for p in positions]
    after = [next((i for i, f in enumerate(given) if f is s), None) for s in scheds]
    return {"values": got, "pcts": pcts, "scheds": after}


OPTIMIZERS = {"sgd": lambda groups: torch.optim.SGD(groups, lr=0.1, momentum=0.9),
              "adam": lambda groups: torch.optim.Adam(groups, lr=0.1),
              "adamw": lambda groups: torch.optim.AdamW(groups, lr=0.1)}


# The kit's own optimizers (optimizer.py) keep a group's momentum in "mom" and Adam's second one in "sqr_mom".
KIT = "kit"


class _KitOptimizer:
    """An optimizer of the kit's shape: param_groups, each {"params": [...], "lr", "mom", "sqr_mom", ...}.

    Only what OneCycle reads and writes: no torch optimizer behind it (the probes never step).
    """

    def __init__(self, param_groups):
        self.param_groups = param_groups

    def step(self):
        pass

    def zero_grad(self):
        pass


def make_optimizer(optimizer, groups):
    """OPTIMIZERS[optimizer] (or the kit's, for KIT) over one two-element parameter per group; each group a dict of
    hyper-parameters.

    A group's "betas" (a list, as plain data has it) becomes the tuple torch keeps.
    The judge builds its reference optimizer with this same function.
    """
    param_groups = []
    for hypers in groups:
        group = {"params": [torch.zeros(2, requires_grad=True)], **hypers}
        if "betas" in group:
            group["betas"] = tuple(group["betas"])
        param_groups.append(group)
    if optimizer == KIT:
        return _KitOptimizer(param_groups)
    return OPTIMIZERS[optimizer](param_groups)


# Stand-ins for the module's other exercises, so that OneCycle is graded on its own (each of those has
# its own tests): plain float64 Python, as the contract states them.
def _sched_lin(start, end, pos):
    return start + pos * (end - start)


def _sched_cos(start, end, pos):
    return start + (1 - math.cos(math.pi * pos)) * (end - start) / 2


def _combine_scheds(pcts, scheds):
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)
    scheds = list(scheds)

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= bounds[i + 1] or i == len(scheds) - 1:
                return sched(min((pos - bounds[i]) / (bounds[i + 1] - bounds[i]), 1.0))

    return schedule


STAND_INS = {"sched_lin": _sched_lin, "sched_cos": _sched_cos, "combine_scheds": _combine_scheds}


class _Batches:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __iter__(self):
        return iter(range(self.n))


class _Learner:
    """Just what a OneCycle callback reads: opt, dls, n_epochs, epoch, iter, n_iter, training."""

    def __init__(self):
        self.opt = self.dls = None
        self.n_epochs = self.epoch = self.iter = self.n_iter = 0
        self.training = False


def _number(value):
    return None if value is None else float(value)


def _groups(opt, optimizer):
    """[lr, momentum, second momentum] for each parameter group.

    torch's: momentum is betas[0] or momentum, the second betas[1] or None. The kit's (KIT): "mom" and
    "sqr_mom", read there only (a "momentum" key added beside them moves nothing in the kit's optimizers).
    """
    seen = []
    for g in opt.param_groups:
        if optimizer == KIT:
            momentum, second = g.get("mom"), g.get("sqr_mom")
        else:
            betas = g.get("betas")
            momentum = betas[0] if betas is not None else g.get("momentum")
            second = None if betas is None else betas[1]
        seen.append([float(g["lr"]), _number(momentum), _number(second)])
    return seen


def _fit(cb, learn, optimizer, groups, n_epochs, n_train, n_valid):
    """One fit's events, as the Learner fires them, on a fresh optimizer and fresh data loaders.

    Per training batch: [the groups right after before_batch, the groups when opt.step() runs
    (after after_backward)].
    """
    learn.opt = opt = make_optimizer(optimizer, groups)
    learn.n_epochs = n_epochs
    learn.dls = type("DataLoaders", (), {"train": _Batches(n_train), "valid": _Batches(n_valid)})()
    learn.epoch = learn.iter = learn.n_iter = 0
    learn.training = False

    def fire(event):
        method = getattr(cb, event, None)
        if callable(method):
            method()

    seen = []
    fire("before_fit")
    for learn.epoch in range(n_epochs):
        fire("before_epoch")
        for training, count in ((True, n_train), (False, n_valid)):
            learn.training, learn.n_iter = training, count
            for learn.iter in range(count):
                fire("before_batch")
                at_start = _groups(opt, optimizer) if training else None
                fire("after_pred")
                fire("after_loss")
                if training:
                    fire("after_backward")
                    seen.append([at_start, _groups(opt, optimizer)])  # the values opt.step() would use
                    fire("after_step")
                fire("after_batch")
        fire("after_epoch")
    fire("after_fit")
    return seen


def one_cycle(m, kwargs, fits):
    """Drive one m.OneCycle(**kwargs) through each fit in turn; per fit, the groups seen at each training batch.

    Each fit is a dict: optimizer (a key of OPTIMIZERS, or KIT), groups (each group's hyper-parameters),
    n_epochs, n_train, n_valid. For the whole drive, construction included, the module's
    sched_lin, sched_cos and combine_scheds are the kit's stand-ins (restored afterwards), so a
    mistake in those costs points in their own tests only.
    """
    saved = {name: getattr(m, name, None) for name in STAND_INS}
    try:
        for name, function in STAND_INS.items():
            setattr(m, name, function)
        cb = m.OneCycle(**kwargs)
        learn = _Learner()
        cb.learn = learn
        return [_fit(cb, learn, **fit) for fit in fits]
    finally:
        for name, function in saved.items():
            setattr(m, name, function)
