"""Probes for assignment 04, learner: fit a tiny model with recording callbacks and report what happened.

The recording callbacks are the probe's own objects (an `order`, a `learn`
attribute, one method per event and a `__call__` that dispatches to them), so
they work whether the student's Learner calls `cb(event)` or
`getattr(cb, event)()`, and the Learner is graded without the student's Callback.
"""
import torch
import torch.nn.functional as F
from torch import nn

EVENTS = ["before_fit", "before_epoch", "before_batch", "after_pred", "after_loss", "after_backward",
          "after_step", "after_batch", "after_epoch", "after_fit"]
RAISES = {"fit": "CancelFitException", "epoch": "CancelEpochException", "batch": "CancelBatchException"}


class _Batches:
    def __init__(self, batches):
        self.batches = batches

    def __len__(self):
        return len(self.batches)

    def __iter__(self):
        return iter(self.batches)


class _DataLoaders:
    def __init__(self, train, valid):
        self.train, self.valid = _Batches(train), _Batches(valid)


class _Recorder:
    """Logs [name, event, epoch, iter, n_iter, n_epochs, training, grad enabled, model.training]."""

    def __init__(self, m, name, order, log, trigger=None):
        self.m, self.name, self.order, self.log, self.trigger, self.learn = m, name, order, log, trigger, None
        self.fired = False
        for event in EVENTS:
            setattr(self, event, self._make(event))

    def __call__(self, event):
        method = getattr(self, event, None)
        return method() if callable(method) else None

    def _make(self, event):
        def method():
            learn = self.learn
            model = getattr(learn, "model", None)
            self.log.append([self.name, event, getattr(learn, "epoch", None), getattr(learn, "iter", None),
                             getattr(learn, "n_iter", None), getattr(learn, "n_epochs", None),
                             getattr(learn, "training", None), torch.is_grad_enabled(),
                             getattr(model, "training", None)])
            self._maybe_raise(event)
        return method

    def _maybe_raise(self, event):
        t = self.trigger
        if t is None or self.fired or t["event"] != event:
            return
        learn = self.learn
        if event not in ("before_fit", "after_fit") and learn.epoch != t["epoch"]:
            return
        if event in ("before_batch", "after_pred", "after_loss", "after_backward", "after_step", "after_batch"):
            if bool(learn.training) != t["training"] or learn.iter != t["iter"]:
                return
        self.fired = True
        if t["kind"] == "error":
            raise ValueError("an error raised by a callback")
        raise getattr(self.m, RAISES[t["kind"]])()


def _model(weight, bias):
    model = nn.Linear(weight.shape[1], weight.shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(weight)
        model.bias.copy_(bias)
    return model


OPTIMIZERS = {"sgd": lambda params, lr: torch.optim.SGD(params, lr=lr),
              "momentum": lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9),
              "adam": lambda params, lr: torch.optim.Adam(params, lr=lr)}


class _Modifier:
    """A callback that replaces one piece of the Learner's state, to check the Learner uses the replacement."""

    order = 5

    def __init__(self, what):
        self.what, self.learn = what, None

    def __call__(self, event):
        method = getattr(self, event, None)
        return method() if callable(method) else None

    def before_batch(self):
        if self.what == "xb":
            self.learn.xb = self.learn.xb * 2

    def after_pred(self):
        if self.what == "preds":
            self.learn.preds = self.learn.preds + 1

    def after_loss(self):
        if self.what == "loss":
            self.learn.loss = self.learn.loss * 3


def fit(m, spec, weight, bias, train, valid):
    """Fit per `spec` and return the event log, the final weights and what fit raised (if anything).

    spec: n_epochs, lr, opt ("sgd", "momentum", "adam"), loss ("mse"), recorders [[name, order]],
    trigger (None or {event, epoch, training, iter, kind}), modify (None, "xb", "preds", "loss"),
    late (set learn.model and learn.lr after construction: a [weight, bias, lr] or None).
    """
    log = []
    recorders = [_Recorder(m, name, order, log, spec["trigger"] if i == 0 else None)
                 for i, (name, order) in enumerate(spec["recorders"])]
    cbs = list(recorders) + ([_Modifier(spec["modify"])] if spec["modify"] else [])
    model = _model(weight, bias)
    learn = m.Learner(model, _DataLoaders(train, valid), F.mse_loss, lr=spec["lr"], cbs=cbs,
                      opt_func=OPTIMIZERS[spec["opt"]])
    if spec["late"] is not None:
        late_weight, late_bias, late_lr = spec["late"]
        model = _model(late_weight, late_bias)
        learn.model, learn.lr = model, late_lr
    raised = None
    try:
        learn.fit(spec["n_epochs"])
    except Exception as exc:  # reported, not judged here
        raised = type(exc).__name__
    return {"log": log, "weight": model.weight.detach(), "bias": model.bias.detach(), "raised": raised}


def callback_dispatch(m):
    """Call a Callback subclass's __call__ with an event it defines and one it does not."""
    calls = []

    class Counter(m.Callback):
        def before_fit(self):
            calls.append("before_fit")
            return "ran"

    cb = Counter()
    first = cb("before_fit")
    second = cb("after_batch")
    return {"calls": calls, "first": first, "second": second, "order": getattr(m.Callback, "order", None),
            "subclass_order": getattr(cb, "order", None)}
