"""Probes for learner: fit a tiny model with recording callbacks and report what happened.

The recording callbacks subclass the student's `Callback` (so a Learner that
checks `isinstance(cb, Callback)` accepts them) but bring their own `order`,
`learn`, one method per event, defined on the class, and a `__call__` that
dispatches to them: they work whether the student's Learner calls `cb(event)`,
`getattr(cb, event)()` or `getattr(type(cb), event)(cb)`, and the Learner is
graded without the student's `Callback.__call__`.
"""
import torch
import torch.nn.functional as F
from torch import nn

EVENTS = ["before_fit", "before_epoch", "before_batch", "after_pred", "after_loss", "after_backward",
          "after_step", "after_batch", "after_epoch", "after_fit"]
BATCH_EVENTS = EVENTS[2:8]
RAISES = {"fit": "CancelFitException", "epoch": "CancelEpochException", "batch": "CancelBatchException"}
LOSSES = {"mse": F.mse_loss, "cross_entropy": F.cross_entropy}
OPTIMIZERS = {"sgd": lambda params, lr: torch.optim.SGD(params, lr=lr),
              "momentum": lambda params, lr: torch.optim.SGD(params, lr=lr, momentum=0.9),
              "adam": lambda params, lr: torch.optim.Adam(params, lr=lr)}


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


def _base(m):
    """The student's Callback class (the stub ships it), or object if it is not a class."""
    base = getattr(m, "Callback", object)
    return base if isinstance(base, type) else object


def _dispatch(self, event):
    method = getattr(self, event, None)
    return method() if callable(method) else None


def _clone(tensor):
    return None if tensor is None else torch.Tensor.detach(tensor).clone()


def _recorder_class(m):
    class Recording(_base(m)):
        """Logs [name, event, epoch, iter, n_iter, n_epochs, training, grad enabled, model.training] per event.

        With `track`, also the parameters' gradients at every training after_backward and the parameters
        at every training after_batch; with `trigger`, raises once at the event it names.
        """

        __call__ = _dispatch

        def __init__(self, name, order, log, trigger=None, track=None):
            self.name, self.order, self.log, self.trigger, self.track = name, order, log, trigger, track
            self.learn, self.fired = None, False

        def _record(self, event):
            learn = self.learn
            model = getattr(learn, "model", None)
            self.log.append([self.name, event, getattr(learn, "epoch", None), getattr(learn, "iter", None),
                             getattr(learn, "n_iter", None), getattr(learn, "n_epochs", None),
                             getattr(learn, "training", None), torch.is_grad_enabled(),
                             getattr(model, "training", None)])
            if self.track is not None and getattr(learn, "training", None) is True:
                self._snapshot(event, learn, model)
            self._maybe_raise(event)

        def _snapshot(self, event, learn, model):
            weight, bias = getattr(model, "weight", None), getattr(model, "bias", None)
            where = [getattr(learn, "epoch", None), getattr(learn, "iter", None)]
            if event == "after_backward":
                self.track["grads"].append(where + [_clone(getattr(weight, "grad", None)),
                                                    _clone(getattr(bias, "grad", None))])
            elif event == "after_batch":
                self.track["params"].append(where + [_clone(weight), _clone(bias)])

        def _maybe_raise(self, event):
            t = self.trigger
            if t is None or self.fired or t["event"] != event:
                return
            learn = self.learn
            if event not in ("before_fit", "after_fit") and learn.epoch != t["epoch"]:
                return
            if event in BATCH_EVENTS and (bool(learn.training) != t["training"] or learn.iter != t["iter"]):
                return
            self.fired = True
            if t["kind"] == "error":
                raise ValueError("an error raised by a callback")
            if t["kind"] == "attribute":  # what a callback's own typo raises, e.g. self.learn.recorder
                raise AttributeError("'Learner' object has no attribute 'recorder' (raised by a callback)")
            raise getattr(m, RAISES[t["kind"]])()

    for event in EVENTS:  # methods of the class, as a student's callback defines them
        setattr(Recording, event, _event_method(event))
    return Recording


def _event_method(event):
    def method(self):
        return self._record(event)
    method.__name__ = event
    return method


def _modifier_class(m):
    class Modifier(_base(m)):
        """Replaces one piece of the Learner's state, to check that the Learner uses the replacement."""

        __call__ = _dispatch

        def __init__(self, what, n_out):
            self.what, self.n_out, self.order, self.learn = what, n_out, 5, None

        def before_fit(self):
            if self.what == "opt":
                self.learn.opt = torch.optim.SGD(self.learn.model.parameters(), lr=0.03)

        def before_batch(self):
            learn = self.learn
            if self.what == "xb":
                learn.xb = learn.xb * 2
            elif self.what == "yb":
                learn.yb = (learn.yb + 1) % self.n_out if learn.yb.dtype == torch.int64 else learn.yb * 0.5 - 1

        def after_pred(self):
            if self.what == "preds":
                self.learn.preds = self.learn.preds * 2 + 1

        def after_loss(self):
            if self.what == "loss":
                self.learn.loss = self.learn.loss * 3

    return Modifier


def _model(weight, bias):
    model = nn.Linear(weight.shape[1], weight.shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(weight)
        model.bias.copy_(bias)
    return model


def fit(m, spec, weight, bias, train, valid):
    """Fit per `spec`; return the event log, the parameter trajectory, the final weights and what fit raised.

    spec: n_epochs, lr, opt ("sgd", "momentum", "adam"), loss ("mse", "cross_entropy"),
    recorders [[name, order]] (the first one tracks the parameters and carries the trigger),
    trigger (None or {event, epoch, training, iter, kind}: kind "batch", "epoch" or "fit" raises that Cancel
    exception, "error" a ValueError, "attribute" an AttributeError), modify (None, "xb", "yb", "preds", "loss",
    "opt"), late (set learn.model and learn.lr after construction: a [weight, bias, lr] or None).
    """
    log, track = [], {"grads": [], "params": []}
    recording = _recorder_class(m)
    recorders = [recording(name, order, log, spec["trigger"] if i == 0 else None, track if i == 0 else None)
                 for i, (name, order) in enumerate(spec["recorders"])]
    cbs = list(recorders) + ([_modifier_class(m)(spec["modify"], weight.shape[0])] if spec["modify"] else [])
    model = _model(weight, bias)
    learn = m.Learner(model, _DataLoaders(train, valid), LOSSES[spec["loss"]], lr=spec["lr"], cbs=cbs,
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
    return {"log": log, "grads": track["grads"], "params": track["params"], "weight": model.weight.detach(),
            "bias": model.bias.detach(), "raised": raised}


def callback_dispatch(m):
    """Call a Callback subclass's __call__ with the events it defines and one it does not."""
    calls = []

    class Counter(m.Callback):
        def before_fit(self):
            calls.append("before_fit")
            return "ran"

        def after_batch(self):
            calls.append(f"after_batch of a learner with loss {self.learn.loss}")

    cb = Counter()
    cb.learn = type("FakeLearner", (), {"loss": 0.5})()
    first = cb("before_fit")
    calls_after_first = list(calls)
    second = cb("after_epoch")
    third = cb("after_batch")
    return {"calls": calls, "calls_after_first": calls_after_first, "first": first, "second": second, "third": third,
            "order": getattr(m.Callback, "order", None), "subclass_order": getattr(cb, "order", None)}


def callback_inheritance(m):
    """A Callback subclass's subclass: call an event method it inherits, and one whose own body fails."""
    calls = []

    class Parent(m.Callback):
        def before_batch(self):
            calls.append("before_batch")
            return "inherited"

        def after_loss(self):
            calls.append("after_loss")
            return self.learn.recorder  # a typo in the callback's own code: the learner has no recorder

    class Child(Parent):
        pass

    cb = Child()
    cb.learn = type("FakeLearner", (), {"loss": 0.5})()
    inherited = cb("before_batch")
    try:
        own = cb("after_loss")
        raised = None
    except Exception as exc:  # reported, judged by the test
        own, raised = None, [type(exc).__name__, str(exc)[:200]]
    return {"calls": calls, "inherited": inherited, "own": own, "raised": raised}


# --- a Learner observed at every event ------------------------------------------------------------

def _net(weight, bias):
    """A model with children: nn.Sequential(Linear, nn.Sequential(Dropout(0.0))), float64.

    The dropout (p=0, so the same values in both modes) is a child and a grandchild whose `training`
    flag only model.train() / model.eval() set; the Linear's weight and bias are the model's parameters.
    """
    model = nn.Sequential(nn.Linear(weight.shape[1], weight.shape[0]), nn.Sequential(nn.Dropout(0.0))).double()
    with torch.no_grad():
        model[0].weight.copy_(weight)
        model[0].bias.copy_(bias)
    return model


def _seen(value):
    """What a callback sees in an attribute, as plain data: a tensor's copy, a number, None, or its type's name."""
    if isinstance(value, torch.Tensor):
        return _clone(value)
    if value is None or type(value) in (bool, int, float, str):
        return value
    return f"<a {type(value).__name__}>"


def _modes(model):
    """`training` of the model and of every module under it, in registration order (None if not a module)."""
    if not isinstance(model, nn.Module):
        return None
    return [bool(sub.training) for sub in model.modules()]


def _observe(event):
    def method(self):
        learn = self.learn
        model = getattr(learn, "model", None)
        params = list(model.parameters()) if isinstance(model, nn.Module) else []
        self.log.append({
            "fit": self.fit_number, "event": event, "epoch": _seen(getattr(learn, "epoch", None)),
            "iter": _seen(getattr(learn, "iter", None)), "n_iter": _seen(getattr(learn, "n_iter", None)),
            "n_epochs": _seen(getattr(learn, "n_epochs", None)), "training": _seen(getattr(learn, "training", None)),
            "grad_enabled": torch.is_grad_enabled(), "modes": _modes(model),
            "xb": _seen(getattr(learn, "xb", None)), "yb": _seen(getattr(learn, "yb", None)),
            "preds": _seen(getattr(learn, "preds", None)), "loss": _seen(getattr(learn, "loss", None)),
            "params": [_clone(p) for p in params], "grads": [_clone(p.grad) for p in params]})
    method.__name__ = event
    return method


def _observer_class(m):
    class Observer(_base(m)):
        """Records, at every event, the Learner's attributes, the model's modes, parameters and gradients."""

        __call__ = _dispatch

        def __init__(self, log, order):
            self.log, self.order, self.learn, self.fit_number = log, order, None, 0

    for event in EVENTS:  # methods of the class, as a student's callback defines them
        setattr(Observer, event, _observe(event))
    return Observer


def _inheriting_class(m):
    class Parent(_base(m)):
        """Every event method is defined here, on the parent class."""

        __call__ = _dispatch

        def __init__(self, seen, order):
            self.seen, self.order, self.learn, self.fit_number = seen, order, None, 0

    def make(event):
        def method(self):
            self.seen.append([self.fit_number, event])
        method.__name__ = event
        return method

    for event in EVENTS:
        setattr(Parent, event, make(event))

    class Inheriting(Parent):
        """Defines no event method itself: all of them are inherited."""

    return Inheriting


def fit_observed(m, plan, weight, bias, train, valid):
    """Fit once or more per `plan`, recording the Learner's whole state at every event.

    plan: loss ("mse", "cross_entropy"), opt ("sgd", "momentum", "adam"), lr, and fits, a list of
    {n_epochs, lr (None: leave learn.lr), weight and bias (None: leave learn.model; else a fresh model
    with these values is put in learn.model)} applied before each fit, the first one after construction.
    The callbacks are passed as the list [observer (order 1), a callback whose methods are all inherited
    (order 0)]. Returns the observer's records, the inheriting callback's events, what each fit raised,
    the names in the callbacks list after construction and after the fits, and the batches after the fits.
    """
    log, seen = [], []
    observer, inheriting = _observer_class(m)(log, 1), _inheriting_class(m)(seen, 0)
    cbs = [observer, inheriting]
    learn = m.Learner(_net(weight, bias), _DataLoaders(train, valid), LOSSES[plan["loss"]], lr=plan["lr"],
                      cbs=cbs, opt_func=OPTIMIZERS[plan["opt"]])
    cbs_after_init = _names(cbs, observer, inheriting)
    raised = []
    for number, step in enumerate(plan["fits"]):
        observer.fit_number = inheriting.fit_number = number
        if step["lr"] is not None:
            learn.lr = step["lr"]
        if step["weight"] is not None:
            learn.model = _net(step["weight"], step["bias"])
        try:
            learn.fit(step["n_epochs"])
            raised.append(None)
        except Exception as exc:  # reported, judged by the test
            raised.append([type(exc).__name__, str(exc)[:200]])
    return {"log": log, "seen": seen, "raised": raised, "cbs_after_init": cbs_after_init,
            "cbs_after_fit": _names(cbs, observer, inheriting), "train": train, "valid": valid}


def _names(cbs, observer, inheriting):
    """What the list passed as cbs holds now, named: "observer", "inheriting", or another object's type."""
    return ["observer" if cb is observer else "inheriting" if cb is inheriting else f"a {type(cb).__name__}"
            for cb in cbs]
