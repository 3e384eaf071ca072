"""learner: the Learner's events, cancels, state and training, against an independent model.

`expected_events` below is a small model of SPEC.md's event grammar, written
for the judge: it knows nothing of torch, and the student's event log is
compared with it. Training is compared step by step (gradients at every
after_backward, parameters at every after_batch) with a plain torch loop
written here. `simulate` extends that loop to the whole state a callback sees
at every event (the attributes, the modes of the model's children, parameters,
gradients present or zeroed), over fits repeated with learn.lr or learn.model
changed in between, each with a new optimizer as SPEC.md's fit() makes one.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close, expect_tensor, show
from tests.learner_strategies import BATCH_EVENTS, EPOCH_EVENTS, FIT_EVENTS, OUTSIDE, raise_points, refits, setups
from tests.probes import learner as probe

CANCELS = {"batch": "CancelBatchException", "epoch": "CancelEpochException", "fit": "CancelFitException"}
ERRORS = {"error": "ValueError", "attribute": "AttributeError"}  # what the probe's callback raises, per kind
LOSSES = {"mse": F.mse_loss, "cross_entropy": F.cross_entropy}


# --- the judge's model of the contract -----------------------------------------------------------

class Signal(Exception):
    """What the model's callback raises: a cancel of some level, or an error."""

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def expected_events(n_epochs: int, n_train: int, n_valid: int, trigger=None):
    """([(event, epoch, training, iter)], what fit raises) per the contract, with one raise at `trigger`.

    Each stage fires before_X, runs its body, and fires after_X however the body ended; a Signal of the
    stage's own level is swallowed there, any other goes on to the caller.
    """
    log, fired = [], [False]

    def fire(event, epoch=None, training=None, it=None):
        log.append((event, epoch, training, it))
        t = trigger
        if t is None or fired[0] or t["event"] != event:
            return
        if event not in FIT_EVENTS and epoch != t["epoch"]:
            return
        if event in BATCH_EVENTS and (training != t["training"] or it != t["iter"]):
            return
        fired[0] = True
        raise Signal(t["kind"])

    def stage(level, body, *context):
        try:
            try:
                fire(f"before_{level}", *context)
                body()
            finally:
                fire(f"after_{level}", *context)
        except Signal as signal:
            if signal.kind != level:
                raise

    def batch(epoch, training, it):
        def body():
            fire("after_pred", epoch, training, it)
            fire("after_loss", epoch, training, it)
            if training:
                fire("after_backward", epoch, training, it)
                fire("after_step", epoch, training, it)
        stage("batch", body, epoch, training, it)

    def epoch_body(epoch):
        for it in range(n_train):
            batch(epoch, True, it)
        for it in range(n_valid):
            batch(epoch, False, it)

    def fit_body():
        for epoch in range(n_epochs):
            stage("epoch", lambda: epoch_body(epoch), epoch)

    try:
        stage("fit", fit_body)
    except Signal as signal:
        return log, ERRORS.get(signal.kind) or CANCELS[signal.kind]
    return log, None


def modified(what, setup, xb=None, yb=None, preds=None, loss=None):
    """What the probe's modifying callback turns learn.xb / yb / preds / loss into (the value if unmodified)."""
    if what == "xb" and xb is not None:
        return xb * 2
    if what == "yb" and yb is not None:
        return (yb + 1) % setup["weight"].shape[0] if yb.dtype == torch.int64 else yb * 0.5 - 1
    if what == "preds" and preds is not None:
        return preds * 2 + 1
    if what == "loss" and loss is not None:
        return loss * 3
    return next(v for v in (xb, yb, preds, loss) if v is not None)


def plain_loop(setup, opt="sgd", lr=0.1, modify=None, weight=None, bias=None):
    """A plain torch training loop: [(epoch, iter, weight grad, bias grad, weight, bias)] per training batch."""
    model = torch.nn.Linear(setup["weight"].shape[1], setup["weight"].shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(setup["weight"] if weight is None else weight)
        model.bias.copy_(setup["bias"] if bias is None else bias)
    if modify == "opt":  # the callback's replacement for learn.opt
        optimizer = torch.optim.SGD(model.parameters(), lr=0.03)
    else:
        optimizer = probe.OPTIMIZERS[opt](model.parameters(), lr)
    loss_func = LOSSES[setup["loss"]]
    steps = []
    for epoch in range(setup["n_epochs"]):
        for it, (xb, yb) in enumerate(setup["train"]):
            preds = modified(modify, setup, preds=model(modified(modify, setup, xb=xb)))
            loss = modified(modify, setup, loss=loss_func(preds, modified(modify, setup, yb=yb)))
            loss.backward()
            grads = [model.weight.grad.clone(), model.bias.grad.clone()]
            optimizer.step()
            optimizer.zero_grad()
            steps.append((epoch, it, *grads, model.weight.detach().clone(), model.bias.detach().clone()))
    return steps


# --- running the probe and judging ---------------------------------------------------------------

def spec(setup, **changes):
    base = {"n_epochs": setup["n_epochs"], "lr": 0.1, "opt": "sgd", "loss": setup["loss"],
            "recorders": [["a", 0]], "trigger": None, "modify": None, "late": None}
    return {**base, **changes}


def run(impl, setup, **changes):
    return impl.run(probe.fit, spec(setup, **changes), setup["weight"], setup["bias"], setup["train"],
                    setup["valid"])


def shown(entry):
    event, epoch, training, it = entry
    if event in FIT_EVENTS:
        return event
    if event in EPOCH_EVENTS:
        return f"{event}(epoch={epoch})"
    return f"{event}(epoch={epoch}, {'train' if training else 'valid'} batch {it})"


def expect_sequence(got_shown, want_shown, what="events"):
    """The events as `shown` gives them, compared in order; the first difference is reported in context."""
    __tracebackhide__ = True
    if got_shown != want_shown:
        first = next((i for i, (a, b) in enumerate(zip(got_shown, want_shown)) if a != b),
                     min(len(got_shown), len(want_shown)))
        raise Mismatch(f"{what} differ at #{first}: expected "
                       f"{want_shown[first] if first < len(want_shown) else 'no more events'}, got "
                       f"{got_shown[first] if first < len(got_shown) else 'no more events'}\n"
                       f"  expected: {', '.join(want_shown[max(0, first - 2):first + 3])}\n"
                       f"  actual:   {', '.join(got_shown[max(0, first - 2):first + 3])}")


def expect_events(result, setup, trigger=None):
    """The recorder's events, with epoch, training and iter where they matter, and what fit raised."""
    __tracebackhide__ = True
    expected, raised = expected_events(setup["n_epochs"], len(setup["train"]), len(setup["valid"]), trigger)
    got = [(row[1], row[2], row[6], row[3]) for row in result["log"] if row[0] == "a"]
    expect_sequence([shown(e) for e in got], [shown(e) for e in expected])
    if result["raised"] != raised:
        raise Mismatch(f"fit should {'raise ' + raised if raised else 'return normally'}, but it "
                       f"{'raised ' + result['raised'] if result['raised'] else 'returned normally'}")


def expect_trajectory(result, steps, what):
    """The gradients at each training after_backward and parameters at each training after_batch, in order."""
    __tracebackhide__ = True
    tol = {"rtol": 1e-9, "atol": 1e-12}  # float64; the same torch operations in the same order
    for event, got in (("after_backward", result["grads"]), ("after_batch", result["params"])):
        if len(got) != len(steps):
            raise Mismatch(f"{what}: {event} of a training batch fired {len(got)} times, expected {len(steps)}")
    for (epoch, it, w_grad, b_grad, weight, bias), grads, params in zip(steps, result["grads"], result["params"]):
        where = f"epoch {epoch}, training batch {it}"
        for name, value, want in (("weight.grad", grads[2], w_grad), ("bias.grad", grads[3], b_grad)):
            if value is None:
                raise Mismatch(f"{what}: at after_backward of {where}, {name} is None (no backward yet?)")
            expect_close(value, want, what=f"{what}: at after_backward of {where}, {name}", **tol)
        expect_close(params[2], weight, what=f"{what}: at after_batch of {where} (after the step), the weight", **tol)
        expect_close(params[3], bias, what=f"{what}: at after_batch of {where} (after the step), the bias", **tol)
    if steps:
        expect_close(result["weight"], steps[-1][4], what=f"{what}: the weight after fit", **tol)
        expect_close(result["bias"], steps[-1][5], what=f"{what}: the bias after fit", **tol)


def expect_plain_training_first(impl, setup, opt="sgd", lr=0.1):
    """Fit without any replacement first, so a broken training step is reported as that, not as a replacement."""
    __tracebackhide__ = True
    try:
        expect_trajectory(run(impl, setup, opt=opt, lr=lr), plain_loop(setup, opt, lr),
                          f"plain fit({setup['n_epochs']}) with {opt}, lr={lr}")
    except Mismatch as mismatch:
        raise Mismatch(f"training already differs from a plain torch loop before anything is replaced (fix that "
                       f"first: see the test on plain training): {mismatch}") from None


# --- Callback ------------------------------------------------------------------------------------

@exercise("Callback", points=2, hint="__call__(event) looks the method up by name (getattr(self, event, None)) "
                                     "and returns what calling it returns, or None if there is none; order is "
                                     "a class attribute, 0")
def test_callback_dispatches_events_by_name(impl):
    """cb("before_fit") runs the subclass's before_fit and returns its result; an undefined event gives None."""
    got = impl.run(probe.callback_dispatch)
    if got["first"] != "ran" or got["calls_after_first"] != ["before_fit"]:
        raise Mismatch(f"cb('before_fit') should run the callback's before_fit once and return its result "
                       f"'ran'; it ran {got['calls_after_first']} and returned {got['first']!r}")
    if got["second"] is not None:
        raise Mismatch(f"cb('after_epoch') on a callback without after_epoch should return None, "
                       f"got {got['second']!r}")
    if got["calls"][1:] != ["after_batch of a learner with loss 0.5"] or got["third"] is not None:
        raise Mismatch(f"cb('before_fit') then cb('after_batch') should run before_fit, then after_batch once "
                       f"(which reads self.learn.loss and returns None); calls were {got['calls']}, "
                       f"after_batch's call returned {got['third']!r}")
    if got["order"] != 0 or got["subclass_order"] != 0:
        raise Mismatch(f"Callback.order should default to 0, got {got['order']!r}")


@exercise("Callback", points=1, hint="getattr(self, event, None) finds a method the callback's class inherits; "
                                     "call it outside any try/except, so that an error inside it reaches the "
                                     "caller (only a missing method gives None)")
def test_callback_runs_inherited_methods_and_lets_their_errors_out(impl):
    """cb(event) runs a method inherited from a parent class, and an AttributeError raised inside a method escapes."""
    got = impl.run(probe.callback_inheritance)
    if got["inherited"] != "inherited" or got["calls"][:1] != ["before_batch"]:
        raise Mismatch(f"cb('before_batch'), where before_batch is defined on the callback's parent class, should "
                       f"run it and return 'inherited'; it ran {got['calls'][:1]} and returned {got['inherited']!r}")
    if got["calls"][1:] != ["after_loss"]:
        raise Mismatch(f"cb('after_loss') should run the inherited after_loss once; the calls were {got['calls']}")
    if got["raised"] is None or got["raised"][0] != "AttributeError":
        raise Mismatch(f"cb('after_loss') runs a method that reads self.learn.recorder, which the learner lacks: "
                       f"its AttributeError should reach the caller, but cb('after_loss') "
                       f"{'raised ' + got['raised'][0] if got['raised'] else 'returned ' + repr(got['own'])}")


# --- Learner -------------------------------------------------------------------------------------

@exercise("Learner", points=3, hint="before_fit; per epoch before_epoch, the training batches, the validation "
                                    "batches, after_epoch; per batch before_batch, after_pred, after_loss, "
                                    "(training) after_backward, after_step, then after_batch; after_fit")
@given(setup=setups())
def test_fires_the_events_in_order(impl, setup):
    """With no cancels, the events come in SPEC.md's order, for 0 to 3 epochs and any number of batches."""
    expect_events(run(impl, setup), setup)


@exercise("Learner", points=2, hint="set learn.epoch, learn.iter (index within the pass, from 0 in each pass), "
                                    "learn.n_iter (len of the pass's batches), learn.training and "
                                    "learn.n_epochs before firing the events that concern them")
@given(setup=setups())
def test_exposes_its_state_to_callbacks(impl, setup):
    """At every event the callback reads the right epoch, iter, n_iter, n_epochs and training flag."""
    result = run(impl, setup)
    counters = {}
    for _name, event, epoch, it, n_iter, n_epochs, training, _, _ in result["log"]:
        if event == "before_fit":
            continue
        if n_epochs != setup["n_epochs"]:
            raise Mismatch(f"at {event}, learn.n_epochs is {n_epochs!r}, expected {setup['n_epochs']}")
        if event in EPOCH_EVENTS + BATCH_EVENTS and not (isinstance(epoch, int) and 0 <= epoch < n_epochs):
            raise Mismatch(f"at {event}, learn.epoch is {epoch!r}, outside range({n_epochs})")
        if event not in BATCH_EVENTS:
            continue
        if training not in (True, False):
            raise Mismatch(f"at {event}, learn.training is {training!r}, expected True or False")
        batches = setup["train"] if training else setup["valid"]
        kind = "training" if training else "validation"
        if n_iter != len(batches):
            raise Mismatch(f"at {event} of a {kind} batch, learn.n_iter is {n_iter!r}, expected {len(batches)}, "
                           f"the number of {kind} batches")
        if event == "before_batch":  # batches of a pass are numbered 0, 1, ... afresh in every pass
            key = (epoch, training)
            counters[key] = counters.get(key, -1) + 1
        want = counters.get((epoch, training))
        if it != want:
            raise Mismatch(f"at {event} of epoch {epoch}'s {kind} batch #{want}, learn.iter is {it!r}, "
                           f"expected {want} (the batch's index within its pass)")


@exercise("Learner", points=2, hint="run the validation pass under torch.no_grad() with model.eval(), and "
                                    "call model.train() again before the next training pass")
@given(setup=setups())
def test_validates_without_gradients_in_eval_mode(impl, setup):
    """Validation batches run with gradients off and the model in eval mode; training batches the opposite."""
    result = run(impl, setup)
    for _name, event, epoch, it, _n_iter, _n_epochs, training, grad_enabled, model_training in result["log"]:
        if event not in BATCH_EVENTS or training not in (True, False):
            continue
        kind = "training" if training else "validation"
        if grad_enabled != training:
            raise Mismatch(f"at {event} of epoch {epoch}, {kind} batch {it}: gradients are "
                           f"{'on' if grad_enabled else 'off'}, expected {'on' if training else 'off'}")
        if model_training != training:
            raise Mismatch(f"at {event} of epoch {epoch}, {kind} batch {it}: the model is in "
                           f"{'train' if model_training else 'eval'} mode, expected "
                           f"{'train' if training else 'eval'} mode")


@exercise("Learner", points=3, hint="per training batch: loss.backward(), opt.step(), then opt.zero_grad(); "
                                    "never step in validation")
@given(setup=setups(), opt=st.sampled_from(["sgd", "momentum", "adam"]), lr=st.sampled_from([0.01, 0.1]))
def test_trains_like_a_plain_torch_loop(impl, setup, opt, lr):
    """Every gradient and step equals a plain torch loop's: SGD, SGD with momentum or Adam; mse or cross-entropy."""
    result = run(impl, setup, opt=opt, lr=lr)
    expect_trajectory(result, plain_loop(setup, opt, lr),
                      f"fit({setup['n_epochs']}) with {opt}, lr={lr}, {setup['loss']} loss")


@exercise("Learner", points=2, hint="sort the callbacks by their order attribute with a stable sort "
                                    "(sorted(cbs, key=...)): ties keep the order given")
@given(setup=setups(max_epochs=1), orders=st.lists(st.integers(-2, 2), min_size=3, max_size=3))
def test_runs_callbacks_in_ascending_order(impl, setup, orders):
    """At every event the callbacks run by ascending order, ties in the order they were given."""
    names = ["a", "b", "c"]
    result = run(impl, setup, recorders=[[n, o] for n, o in zip(names, orders)])
    wanted = [n for n, _ in sorted(zip(names, orders), key=lambda pair: pair[1])]
    log = result["log"]
    for start in range(0, len(log), 3):
        got = [row[0] for row in log[start:start + 3]]
        if got != wanted:
            raise Mismatch(f"at {log[start][1]}, the callbacks (orders {dict(zip(names, orders))}) ran as {got}, "
                           f"expected {wanted}")


@exercise("Learner", points=2, hint="after firing an event, read learn.opt, learn.xb, learn.yb, learn.preds and "
                                    "learn.loss back from self: a callback may have replaced them")
@given(setup=setups(max_epochs=2), what=st.sampled_from(["xb", "yb", "preds", "loss", "opt"]))
def test_uses_state_replaced_by_a_callback(impl, setup, what):
    """A callback replacing learn.opt (before_fit), xb or yb (before_batch), preds or loss is obeyed."""
    expect_plain_training_first(impl, setup, opt="adam")
    result = run(impl, setup, modify=what, opt="adam")
    when = {"opt": "before_fit", "xb": "before_batch", "yb": "before_batch", "preds": "after_pred",
            "loss": "after_loss"}[what]
    expect_trajectory(result, plain_loop(setup, "adam", modify=what),
                      f"training with learn.{what} replaced by a callback in {when}")


@exercise("Learner", points=1, hint="create the optimizer in fit, from learn.model and learn.lr as they are then")
@given(setup=setups(max_epochs=2))
def test_uses_model_and_lr_set_after_construction(impl, setup):
    """learn.model and learn.lr set after construction are the ones fit trains (the optimizer is made in fit)."""
    g = torch.Generator().manual_seed(1)
    late_weight = torch.randn(setup["weight"].shape, generator=g, dtype=torch.float64)
    late_bias = torch.randn(setup["bias"].shape, generator=g, dtype=torch.float64)
    expect_plain_training_first(impl, setup)
    result = run(impl, setup, late=[late_weight, late_bias, 0.05])
    expect_trajectory(result, plain_loop(setup, lr=0.05, weight=late_weight, bias=late_bias),
                      "training the model and lr set after construction")


@exercise("Learner", points=2, hint="put each after_X in a finally: it must run when an error passes through, "
                                    "and the error must still reach the caller")
@settings(max_examples=100)
@given(case=raise_points("error"))
def test_errors_propagate_after_the_after_events(impl, case):
    """An error raised by a callback leaves fit, after every pending after_batch, after_epoch and after_fit ran."""
    setup, trigger = case
    expect_events(run(impl, setup, trigger=trigger), setup, trigger)


# --- the Cancel exceptions -----------------------------------------------------------------------

def cancel_test(kind: str, doc: str):
    @settings(max_examples=100)
    @given(case=raise_points(kind))
    def test(impl, case):
        setup, trigger = case
        expect_events(run(impl, setup, trigger=trigger), setup, trigger)
    test.__name__ = test.__qualname__ = f"test_cancel_{kind}"
    test.__doc__ = doc
    return test


def escape_test(kind: str, doc: str):
    @settings(max_examples=30)
    @given(case=raise_points(kind, OUTSIDE))
    def test(impl, case):
        setup, trigger = case
        expect_events(run(impl, setup, trigger=trigger), setup, trigger)
    test.__name__ = test.__qualname__ = f"test_{kind}_cancel_outside_its_level_escapes"
    test.__doc__ = doc
    return test


test_cancel_batch = exercise(
    "CancelBatchException", points=2,
    hint="catch CancelBatchException around one batch only: after_batch still runs, and so does the next batch")(
    cancel_test("batch", "CancelBatchException from any event of a batch skips the rest of that batch only."))
test_batch_cancel_outside_its_level_escapes = exercise(
    "CancelBatchException", points=1,
    hint="catch CancelBatchException at the batch level only, not around epochs or the fit")(
    escape_test("batch", "CancelBatchException raised outside any batch is not swallowed: fit raises it."))
test_cancel_epoch = exercise(
    "CancelEpochException", points=2,
    hint="catch CancelEpochException around one whole epoch (training and validation passes): its remaining "
         "batches and its validation pass are skipped, after_batch and after_epoch still run")(
    cancel_test("epoch", "CancelEpochException from any event of an epoch skips the rest of it, validation "
                         "included."))
test_epoch_cancel_outside_its_level_escapes = exercise(
    "CancelEpochException", points=1,
    hint="catch CancelEpochException at the epoch level only, not around the fit")(
    escape_test("epoch", "CancelEpochException raised in before_fit or after_fit is not swallowed: fit raises it."))
test_cancel_fit = exercise(
    "CancelFitException", points=2,
    hint="catch CancelFitException around the whole fit: every pending after_ event still runs")(
    cancel_test("fit", "CancelFitException from any event ends the fit, after the pending after_ events."))


# --- a Learner observed at every event: the judge's expectation ----------------------------------

TOL = {"rtol": 1e-9, "atol": 1e-12}  # float64; the same torch operations in the same order as the plain loop


def simulate(setup, plan):
    """What a callback must see at every event of every fit of `plan`, per SPEC.md, from a plain torch loop.

    One record per event: fit, event, epoch, training, iter, n_iter, n_epochs, xb, yb, preds, loss (None
    where the contract says nothing yet), the Linear's [weight, bias] and their gradients (None: zero or
    absent, as after opt.zero_grad()). Each fit makes a new optimizer from the model and lr it then has.
    The probe's model is nn.Linear followed by a p=0 dropout, the same values as the nn.Linear here.
    """
    loss_func = LOSSES[setup["loss"]]
    lr, records = plan["lr"], []
    model = torch.nn.Linear(setup["weight"].shape[1], setup["weight"].shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(setup["weight"])
        model.bias.copy_(setup["bias"])
    for number, step in enumerate(plan["fits"]):
        lr = lr if step["lr"] is None else step["lr"]
        if step["weight"] is not None:
            model = torch.nn.Linear(setup["weight"].shape[1], setup["weight"].shape[0]).double()
            with torch.no_grad():
                model.weight.copy_(step["weight"])
                model.bias.copy_(step["bias"])
        optimizer = probe.OPTIMIZERS[plan["opt"]](model.parameters(), lr)
        n_epochs = step["n_epochs"]

        def note(event, epoch=None, training=None, it=None, n_iter=None, xb=None, yb=None, preds=None, loss=None,
                 grads=None):
            records.append({"fit": number, "event": event, "epoch": epoch, "training": training, "iter": it,
                            "n_iter": n_iter, "n_epochs": n_epochs, "xb": xb, "yb": yb, "preds": preds,
                            "loss": loss, "params": [p.detach().clone() for p in model.parameters()],
                            "grads": grads})

        note("before_fit")
        for epoch in range(n_epochs):
            note("before_epoch", epoch)
            for training, batches in ((True, setup["train"]), (False, setup["valid"])):
                for it, (xb, yb) in enumerate(batches):
                    at = {"epoch": epoch, "training": training, "it": it, "n_iter": len(batches), "xb": xb, "yb": yb}
                    note("before_batch", **at)
                    with torch.set_grad_enabled(training):
                        preds = model(xb)
                        note("after_pred", **at, preds=preds.detach().clone())
                        loss = loss_func(preds, yb)
                        at.update(preds=preds.detach().clone(), loss=loss.detach().clone())
                        note("after_loss", **at)
                        if training:
                            loss.backward()
                            grads = [p.grad.clone() for p in model.parameters()]
                            note("after_backward", **at, grads=grads)
                            optimizer.step()
                            note("after_step", **at, grads=grads)
                            optimizer.zero_grad()
                    note("after_batch", **at)
            note("after_epoch", epoch)
        note("after_fit")
    return records


def run_observed(impl, setup, plan):
    return impl.run(probe.fit_observed, plan, setup["weight"], setup["bias"], setup["train"], setup["valid"])


def one_fit(setup, opt="sgd"):
    """A plan of one fit of setup's epochs, nothing changed after construction."""
    return {"loss": setup["loss"], "opt": opt, "lr": 0.1,
            "fits": [{"n_epochs": setup["n_epochs"], "lr": None, "weight": None, "bias": None}]}


def at(record):
    """Where a record was taken, for messages: 'after_step of epoch 1, training batch 0'."""
    return shown((record["event"], record["epoch"], record["training"], record["iter"])).replace("(", " of ") \
        .replace(")", "").replace("=", " ").replace(", train batch", ", training batch") \
        .replace(", valid batch", ", validation batch")


def fit_name(plan, number):
    if number == 0:
        return "the first fit" if len(plan["fits"]) > 1 else "fit"
    changed = [f"learn.lr = {plan['fits'][number]['lr']}" if plan["fits"][number]["lr"] is not None else None,
               "learn.model replaced" if plan["fits"][number]["weight"] is not None else None]
    changed = [c for c in changed if c]
    return f"the second fit ({', '.join(changed) if changed else 'nothing changed'} in between)"


def expect_observed_events(result, plan, expected):
    """Each fit's events (with epoch, pass and batch index) and how it ended, before any state is compared.

    Returns [(student's record, expected record)] for every event of every fit, in order.
    """
    __tracebackhide__ = True
    pairs = []
    for number in range(len(plan["fits"])):
        got = [r for r in result["log"] if r["fit"] == number]
        want = [r for r in expected if r["fit"] == number]
        name = fit_name(plan, number)
        expect_sequence([shown((r["event"], r["epoch"], r["training"], r["iter"])) for r in got],
                        [shown((r["event"], r["epoch"], r["training"], r["iter"])) for r in want],
                        f"in {name}, the events")
        if result["raised"][number] is not None:
            kind, message = result["raised"][number]
            raise Mismatch(f"{name} raised {kind}: {message}")
        pairs += zip(got, want)
    return pairs


def expect_zero_grads(grads, what):
    """Every gradient None or all zeros (opt.zero_grad() sets them to None, or to zeros)."""
    __tracebackhide__ = True
    for name, grad in zip(("weight.grad", "bias.grad"), grads):
        if grad is None:
            continue
        expect_tensor(grad, what=f"{what}, {name}")
        if bool((grad != 0).any()):
            raise Mismatch(f"{what}, {name} should be zero or None (opt.zero_grad() runs once after_step has "
                           f"fired, and nothing computes gradients until the next training batch's backward), "
                           f"got {show(grad)}")


def expect_parameters(got, want, what, grads=True):
    """The Linear's weight and bias (and their gradients, where `grads`) as the plain loop has them."""
    __tracebackhide__ = True
    for name, value, expected in zip(("weight", "bias"), got["params"], want["params"]):
        expect_close(value, expected, what=f"{what}, the {name}", **TOL)
    if not grads:
        return
    if want["grads"] is None:
        expect_zero_grads(got["grads"], what)
        return
    for name, value, expected in zip(("weight.grad", "bias.grad"), got["grads"], want["grads"]):
        if value is None:
            raise Mismatch(f"{what}, {name} is None: this batch's gradients should be there from loss.backward() "
                           f"until opt.zero_grad(), which runs after after_step")
        expect_close(value, expected, what=f"{what}, {name}", **TOL)


# --- the second fit ------------------------------------------------------------------------------

@exercise("Learner", points=2, hint="fit makes a new optimizer each time it is called, from learn.model and learn.lr "
                                    "as they are then (so a second fit forgets the first fit's momentum), sets "
                                    "learn.n_epochs before before_fit, and counts epochs from 0 in every fit")
@settings(max_examples=30)
@given(case=refits())
def test_a_second_fit_starts_afresh(impl, case):
    """Fitted twice, with learn.lr or learn.model changed in between, each fit trains like a new plain torch loop."""
    setup, plan = case
    expected = simulate(setup, plan)
    for got, want in expect_observed_events(run_observed(impl, setup, plan), plan, expected):
        what = f"{fit_name(plan, got['fit'])} with {plan['opt']}, at {at(want)}"
        if got["n_epochs"] != want["n_epochs"]:
            raise Mismatch(f"{what}, learn.n_epochs is {got['n_epochs']!r}, expected {want['n_epochs']}")
        expect_parameters(got, want, what, grads=want["event"] == "after_backward")


# --- state at every event ------------------------------------------------------------------------

@exercise("Learner", points=1, hint="call model.train() / model.eval() (they set every child module's mode), not "
                                    "model.training = ..., which changes the top module only")
@settings(max_examples=20)
@given(setup=setups(max_epochs=2))
def test_puts_every_child_module_in_the_passs_mode(impl, setup):
    """At every batch event, the model and all its children (a dropout inside) are in train mode, or eval mode."""
    plan = one_fit(setup)
    for got, want in expect_observed_events(run_observed(impl, setup, plan), plan, simulate(setup, plan)):
        if want["event"] not in BATCH_EVENTS:
            continue
        mode = "train" if want["training"] else "eval"
        modes = got["modes"]
        if modes is None or len(modes) != 4 or any(flag != want["training"] for flag in modes):
            raise Mismatch(f"at {at(want)}, the modules' training flags (model, Linear, Sequential, Dropout) are "
                           f"{modes}, expected all {want['training']} ({mode} mode for the whole model)")


@exercise("Learner", points=2, hint="per training batch: loss.backward(), after_backward, opt.step(), after_step, "
                                    "then opt.zero_grad(): the gradients are there for after_backward and "
                                    "after_step callbacks, and zero from then until the next backward")
@settings(max_examples=30)
@given(setup=setups(max_epochs=2), opt=st.sampled_from(["sgd", "adam"]))
def test_gradients_and_parameters_at_every_event(impl, setup, opt):
    """At every event the parameters are the plain loop's; gradients autograd's from backward to the step, else 0."""
    plan = one_fit(setup, opt)
    for got, want in expect_observed_events(run_observed(impl, setup, plan), plan, simulate(setup, plan)):
        expect_parameters(got, want, f"at {at(want)}")


@exercise("Learner", points=2, hint="set learn.n_epochs before before_fit, learn.xb and learn.yb before "
                                    "before_batch, learn.preds before after_pred and learn.loss before "
                                    "after_loss: a callback reads them in the event itself")
@settings(max_examples=25)
@given(setup=setups(max_epochs=2))
def test_attributes_are_set_before_the_events_that_read_them(impl, setup):
    """n_epochs from before_fit, xb and yb from before_batch, preds from after_pred, loss from after_loss."""
    plan = one_fit(setup)
    for got, want in expect_observed_events(run_observed(impl, setup, plan), plan, simulate(setup, plan)):
        where = f"at {at(want)}"
        if got["n_epochs"] != want["n_epochs"]:
            raise Mismatch(f"{where}, learn.n_epochs is {got['n_epochs']!r}, expected {want['n_epochs']}")
        if got["n_iter"] != want["n_iter"] and want["n_iter"] is not None:
            raise Mismatch(f"{where}, learn.n_iter is {got['n_iter']!r}, expected {want['n_iter']}")
        for name in ("xb", "yb"):
            if want[name] is None:
                continue
            value = expect_tensor(got[name], what=f"{where}, learn.{name}")
            if value.dtype != want[name].dtype or value.shape != want[name].shape or not torch.equal(value, want[name]):
                raise Mismatch(f"{where}, learn.{name} should be this batch's {name} {show(want[name])}, "
                               f"got {show(value)}")
        for name in ("preds", "loss"):
            if want[name] is not None:
                expect_close(got[name], want[name], what=f"{where}, learn.{name}", **TOL)


# --- dispatching events to callbacks -------------------------------------------------------------

@exercise("Learner", points=1, hint="look a callback's event method up with getattr (or call cb(event)): it finds "
                                    "methods the callback's class inherits, which type(cb).__dict__ does not")
@settings(max_examples=10)
@given(setup=setups(max_epochs=2))
def test_calls_event_methods_a_callback_inherits(impl, setup):
    """A callback whose event methods are all defined on its parent class gets every event."""
    plan = one_fit(setup)
    result = run_observed(impl, setup, plan)
    expected, _ = expected_events(setup["n_epochs"], len(setup["train"]), len(setup["valid"]))
    expect_sequence([event for _fit, event in result["seen"]], [event for event, *_ in expected],
                    "the events received by a callback whose methods are inherited from its parent class")


@exercise("Learner", points=1, hint="call the callback's method without a try/except around it: only the Cancel "
                                    "exceptions are caught, each at its own level; an AttributeError raised "
                                    "inside a callback is the callback's bug, and must reach the caller")
@settings(max_examples=30)
@given(case=raise_points("attribute"))
def test_a_callbacks_own_attribute_error_is_not_swallowed(impl, case):
    """An AttributeError raised inside a callback's method leaves fit, after the pending after_ events."""
    setup, trigger = case
    expect_events(run(impl, setup, trigger=trigger), setup, trigger)


# --- the arguments -------------------------------------------------------------------------------

@exercise("Learner", points=1, hint="keep your own sorted copy of the callbacks (sorted(cbs, key=...) or "
                                    "list(cbs)); never sort or extend the caller's list, nor write into a batch")
@settings(max_examples=10)
@given(setup=setups(max_epochs=2))
def test_leaves_the_callers_callbacks_and_batches_unchanged(impl, setup):
    """The list of callbacks passed in keeps its order and length, and every batch its values, after init and fit."""
    result = run_observed(impl, setup, one_fit(setup))
    sent = ["observer", "inheriting"]  # orders 1 and 0: a sort in place would swap them
    for when, names in (("after Learner(...)", result["cbs_after_init"]), ("after fit", result["cbs_after_fit"])):
        if names != sent:
            raise Mismatch(f"{when}, the list passed as cbs holds {names}, but the caller gave {sent}: the Learner "
                           f"changed the caller's list (sort a copy)")
    for split in ("train", "valid"):
        if len(result[split]) != len(setup[split]) or any(len(batch) != 2 for batch in result[split]):
            raise Mismatch(f"after fit, the {split} batches changed: {len(setup[split])} batches of [xb, yb] were "
                           f"given, now {[len(batch) for batch in result[split]]}")
        for i, (batch, original) in enumerate(zip(result[split], setup[split])):
            for name, value, want in zip(("xb", "yb"), batch, original):
                value = expect_tensor(value, what=f"after fit, {split} batch {i}'s {name}")
                if value.dtype != want.dtype or value.shape != want.shape or not torch.equal(value, want):
                    raise Mismatch(f"after fit, {split} batch {i}'s {name} changed: was {show(want)}, "
                                   f"now {show(value)}")
