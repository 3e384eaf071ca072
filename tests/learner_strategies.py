"""Hypothesis strategies for learner: tiny problems and the points where a callback raises."""
from __future__ import annotations

import torch
from hypothesis import strategies as st

FIT_EVENTS = ("before_fit", "after_fit")
EPOCH_EVENTS = ("before_epoch", "after_epoch")
BATCH_EVENTS = ("before_batch", "after_pred", "after_loss", "after_backward", "after_step", "after_batch")
ALL_EVENTS = FIT_EVENTS + EPOCH_EVENTS + BATCH_EVENTS

# Where raising each Cancel exception means "skip the rest of this stage": from before_X up to, not
# including, after_X (raised in after_X, once the stage is over, a cancel has nothing left to skip, and
# the contract does not say whether the stage or its caller should catch it).
INSIDE = {"batch": BATCH_EVENTS[:-1],
          "epoch": ("before_epoch",) + BATCH_EVENTS,
          "fit": ("before_fit", "before_epoch", "after_epoch") + BATCH_EVENTS,
          "error": ALL_EVENTS,
          "attribute": ALL_EVENTS}  # an AttributeError raised inside a callback's own method
# Where a Cancel exception is outside its own level: nothing may catch it, so fit raises it.
OUTSIDE = {"batch": FIT_EVENTS + EPOCH_EVENTS, "epoch": FIT_EVENTS}


@st.composite
def setups(draw, max_epochs=3, loss=None):
    """A tiny problem: nn.Linear weights, train and valid batches (lists of [xb, yb]), epochs, loss name.

    1 to 3 training batches and 0 to 2 validation batches of 1 to 3 rows, 0 to `max_epochs` epochs;
    float64 so that the trajectories can be compared with a plain loop to 1e-9. mse has float targets
    of shape (rows, n_out); cross_entropy int64 class indices of shape (rows,) and 2 or 3 classes.
    """
    loss = draw(st.sampled_from(["mse", "cross_entropy"])) if loss is None else loss
    n_in = draw(st.integers(1, 3))
    n_out = draw(st.integers(1, 2)) if loss == "mse" else draw(st.integers(2, 3))
    seed = draw(st.integers(0, 2**31 - 1))
    g = torch.Generator().manual_seed(seed)

    def target(rows):
        if loss == "mse":
            return torch.randn(rows, n_out, generator=g, dtype=torch.float64)
        return torch.randint(0, n_out, (rows,), generator=g)

    def batches(count):
        sizes = [draw(st.integers(1, 3)) for _ in range(count)]
        return [[torch.randn(s, n_in, generator=g, dtype=torch.float64), target(s)] for s in sizes]

    train, valid = batches(draw(st.integers(1, 3))), batches(draw(st.integers(0, 2)))
    weight = torch.randn(n_out, n_in, generator=g, dtype=torch.float64)
    bias = torch.randn(n_out, generator=g, dtype=torch.float64)
    return {"weight": weight, "bias": bias, "train": train, "valid": valid, "loss": loss,
            "n_epochs": draw(st.integers(0, max_epochs))}


@st.composite
def raise_points(draw, kind, where=INSIDE):
    """(setup, trigger): a raise of `kind` ("batch", "epoch", "fit", "error" or "attribute") at an event of where[kind].

    The epoch, the pass (training or validation) and the batch index are drawn inside the setup's ranges,
    so the trigger always fires.
    """
    setup = draw(setups(loss="mse"))
    setup["n_epochs"] = max(setup["n_epochs"], 1)
    training = draw(st.booleans()) or not setup["valid"]
    batches = setup["train"] if training else setup["valid"]
    event = draw(st.sampled_from(where[kind]))
    if event in ("after_backward", "after_step"):  # training batches only
        training, batches = True, setup["train"]
    trigger = {"event": event, "epoch": draw(st.integers(0, setup["n_epochs"] - 1)), "training": training,
               "iter": draw(st.integers(0, len(batches) - 1)), "kind": kind}
    return setup, trigger


# What may change between two fits of one Learner: SPEC.md's fit() makes its optimizer from learn.model and
# learn.lr as they are when it is called, so each of these (and nothing changed at all: a fresh optimizer
# still forgets the first fit's momentum) must show in the second fit.
CHANGES = ("lr", "model", "lr and model", "nothing")
OPTIMIZERS = ("sgd", "momentum", "adam")  # momentum and Adam carry state that a reused optimizer would keep


@st.composite
def refits(draw):
    """(setup, plan): a Learner fitted twice, with learn.lr and/or learn.model changed before the second fit.

    The first fit has 0 to 2 epochs (setup's), the second 1 or 2, so that n_epochs and the epoch count
    may differ between fits (and the second fit has at least one step to judge); the new lr is another of
    the usual ones, the new model's weights are standard normal like the first's, from a drawn seed.
    """
    setup = draw(setups(max_epochs=2))
    change, opt = draw(st.sampled_from(CHANGES)), draw(st.sampled_from(OPTIMIZERS))
    second = {"n_epochs": draw(st.integers(1, 2)), "lr": None, "weight": None, "bias": None}
    if "lr" in change:
        second["lr"] = draw(st.sampled_from([0.03, 0.3]))
    if "model" in change:
        g = torch.Generator().manual_seed(draw(st.integers(0, 2**31 - 1)))
        second["weight"] = torch.randn(setup["weight"].shape, generator=g, dtype=torch.float64)
        second["bias"] = torch.randn(setup["bias"].shape, generator=g, dtype=torch.float64)
    first = {"n_epochs": setup["n_epochs"], "lr": None, "weight": None, "bias": None}
    return setup, {"loss": setup["loss"], "opt": opt, "lr": 0.1, "fits": [first, second], "change": change}
