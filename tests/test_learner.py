"""Assignment 04: the Learner's events, cancels, state and training, against an independent model.

`expected_events` below is a small model of SPEC.md's event grammar, written
for the judge: it knows nothing of torch, and the student's event log is
compared with it. Training trajectories are compared with a plain torch loop.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.testing import Mismatch, exercise, expect_close
from tests.probes import learner as probe

FIT_EVENTS = ("before_fit", "after_fit")
EPOCH_EVENTS = ("before_epoch", "after_epoch")
BATCH_EVENTS = ("before_batch", "after_pred", "after_loss", "after_backward", "after_step", "after_batch")
CANCELS = {"batch": "CancelBatchException", "epoch": "CancelEpochException", "fit": "CancelFitException"}


class Signal(Exception):
    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def expected_events(n_epochs: int, n_train: int, n_valid: int, trigger=None):
    """([(event, epoch, training, iter)], what fit raises) for the contract, with one raise at `trigger`."""
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

    def stage(name, level, body, *context):
        try:
            try:
                fire(f"before_{name}", *context)
                body()
            finally:
                fire(f"after_{name}", *context)
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
        stage("batch", "batch", body, epoch, training, it)

    def epoch_body(epoch):
        for it in range(n_train):
            batch(epoch, True, it)
        for it in range(n_valid):
            batch(epoch, False, it)

    def fit_body():
        for epoch in range(n_epochs):
            stage("epoch", "epoch", lambda: epoch_body(epoch), epoch)

    try:
        stage("fit", "fit", fit_body)
    except Signal as signal:
        return log, "ValueError" if signal.kind == "error" else CANCELS[signal.kind]
    return log, None


@st.composite
def setups(draw, max_epochs=3):
    """A tiny regression problem: weights, train and valid batches, epochs; batch counts from 1 (valid from 0)."""
    n_in, n_out = draw(st.integers(1, 3)), draw(st.integers(1, 2))
    seed = draw(st.integers(0, 2**31 - 1))
    g = torch.Generator().manual_seed(seed)

    def batches(count):
        sizes = [draw(st.integers(1, 3)) for _ in range(count)]
        return [[torch.randn(s, n_in, generator=g, dtype=torch.float64),
                 torch.randn(s, n_out, generator=g, dtype=torch.float64)] for s in sizes]

    train, valid = batches(draw(st.integers(1, 3))), batches(draw(st.integers(0, 2)))
    weight = torch.randn(n_out, n_in, generator=g, dtype=torch.float64)
    bias = torch.randn(n_out, generator=g, dtype=torch.float64)
    return {"weight": weight, "bias": bias, "train": train, "valid": valid,
            "n_epochs": draw(st.integers(0, max_epochs))}


def spec(setup, **changes):
    base = {"n_epochs": setup["n_epochs"], "lr": 0.1, "opt": "sgd", "recorders": [["a", 0]], "trigger": None,
            "modify": None, "late": None}
    return {**base, **changes}


def run(impl, setup, **changes):
    return impl.run(probe.fit, spec(setup, **changes), setup["weight"], setup["bias"], setup["train"],
                    setup["valid"])


def own_events(result, name="a"):
    return [(row[1], row[2], row[6], row[3]) for row in result["log"] if row[0] == name]


def expect_events(result, setup, trigger=None):
    """The recorder's events, with epoch, training and iter where they matter, and what fit raised."""
    __tracebackhide__ = True
    expected, raised = expected_events(setup["n_epochs"], len(setup["train"]), len(setup["valid"]), trigger)
    got = own_events(result)

    def shown(entry):
        event, epoch, training, it = entry
        if event in FIT_EVENTS:
            return event
        if event in EPOCH_EVENTS:
            return f"{event}(epoch={epoch})"
        return f"{event}(epoch={epoch}, {'train' if training else 'valid'} batch {it})"

    got_shown = [shown(e) for e in got]
    want_shown = [shown(e) for e in expected]
    if got_shown != want_shown:
        first = next((i for i, (a, b) in enumerate(zip(got_shown, want_shown)) if a != b),
                     min(len(got_shown), len(want_shown)))
        raise Mismatch(f"events differ at #{first}: expected "
                       f"{want_shown[first] if first < len(want_shown) else 'no more events'}, got "
                       f"{got_shown[first] if first < len(got_shown) else 'no more events'}\n"
                       f"  expected: {', '.join(want_shown[max(0, first - 2):first + 3])}\n"
                       f"  actual:   {', '.join(got_shown[max(0, first - 2):first + 3])}")
    if result["raised"] != raised:
        raise Mismatch(f"fit should {'raise ' + raised if raised else 'return normally'}, but it "
                       f"{'raised ' + result['raised'] if result['raised'] else 'returned normally'}")


def plain_loop(setup, opt="sgd", lr=0.1, modify=None, weight=None, bias=None):
    """The weights after a plain torch training loop, computed here."""
    model = torch.nn.Linear(setup["weight"].shape[1], setup["weight"].shape[0]).double()
    with torch.no_grad():
        model.weight.copy_(setup["weight"] if weight is None else weight)
        model.bias.copy_(setup["bias"] if bias is None else bias)
    optimizer = probe.OPTIMIZERS[opt](model.parameters(), lr)
    for _ in range(setup["n_epochs"]):
        for xb, yb in setup["train"]:
            preds = model(xb * 2 if modify == "xb" else xb)
            loss = F.mse_loss(preds + 1 if modify == "preds" else preds, yb)
            (loss * 3 if modify == "loss" else loss).backward()
            optimizer.step()
            optimizer.zero_grad()
    return model.weight.detach(), model.bias.detach()


def expect_weights(result, expected, what):
    __tracebackhide__ = True
    expect_close(result["weight"], expected[0], what=f"{what}: the weight", rtol=1e-9, atol=1e-12)
    expect_close(result["bias"], expected[1], what=f"{what}: the bias", rtol=1e-9, atol=1e-12)


events = st.sampled_from(list(FIT_EVENTS + EPOCH_EVENTS + BATCH_EVENTS))


@st.composite
def cases(draw, kind):
    """(setup, trigger): a raise of `kind` at an event, epoch, pass and batch drawn inside the setup's ranges."""
    setup = draw(setups())
    setup["n_epochs"] = max(setup["n_epochs"], 1)
    training = draw(st.booleans()) or not setup["valid"]
    batches = setup["train"] if training else setup["valid"]
    trigger = {"event": draw(events), "epoch": draw(st.integers(0, setup["n_epochs"] - 1)), "training": training,
               "iter": draw(st.integers(0, len(batches) - 1)), "kind": kind}
    return setup, trigger


# --- Callback ------------------------------------------------------------------------------------

@exercise("Callback", points=2, hint="__call__(event) looks the method up by name (getattr(self, event, None)) "
                                     "and calls it if it exists; order is a class attribute, 0")
def test_callback_dispatches_events_by_name(impl):
    """cb("before_fit") runs the subclass's before_fit and returns its result; an undefined event gives None."""
    got = impl.run(probe.callback_dispatch)
    if got["calls"] != ["before_fit"] or got["first"] != "ran":
        raise Mismatch(f"cb('before_fit') should run before_fit once and return its result; calls={got['calls']}, "
                       f"returned {got['first']!r}")
    if got["second"] is not None:
        raise Mismatch(f"cb('after_batch') on a callback without after_batch should return None, got {got['second']!r}")
    if got["order"] != 0 or got["subclass_order"] != 0:
        raise Mismatch(f"Callback.order should default to 0, got {got['order']!r}")


# --- Learner -------------------------------------------------------------------------------------

@exercise("Learner", points=3, hint="before_fit; per epoch before_epoch, the training batches, the validation "
                                    "batches, after_epoch; per batch before_batch, after_pred, after_loss, "
                                    "(training) after_backward, after_step, then after_batch; after_fit")
@given(setup=setups())
def test_fires_the_events_in_order(impl, setup):
    """With no cancels, the events come in SPEC.md's order, for 0 to 3 epochs and any number of batches."""
    expect_events(run(impl, setup), setup)


@exercise("Learner", points=2, hint="set learn.epoch, learn.iter (index within the pass), learn.n_iter "
                                    "(len of the pass's batches), learn.training and learn.n_epochs before "
                                    "firing the events that concern them")
@given(setup=setups())
def test_exposes_its_state_to_callbacks(impl, setup):
    """At every batch event the callback reads the right epoch, iter, n_iter, n_epochs and training flag."""
    result = run(impl, setup)
    for _name, event, _epoch, it, n_iter, n_epochs, training, _, _ in result["log"]:
        if event == "before_fit":
            continue
        if n_epochs != setup["n_epochs"]:
            raise Mismatch(f"at {event}, learn.n_epochs is {n_epochs}, expected {setup['n_epochs']}")
        if event in BATCH_EVENTS:
            batches = setup["train"] if training else setup["valid"]
            if n_iter != len(batches):
                raise Mismatch(f"at {event} of a {'training' if training else 'validation'} batch, learn.n_iter "
                               f"is {n_iter}, expected {len(batches)}")
            if not (isinstance(it, int) and 0 <= it < len(batches)):
                raise Mismatch(f"at {event}, learn.iter is {it!r}, outside the pass's {len(batches)} batches")


@exercise("Learner", points=2, hint="run the validation pass under torch.no_grad() with model.eval(), and "
                                    "call model.train() again before the next training pass")
@given(setup=setups())
def test_validates_without_gradients_in_eval_mode(impl, setup):
    """Validation batches run with gradients off and the model in eval mode; training batches the opposite."""
    result = run(impl, setup)
    for _name, event, epoch, it, _n_iter, _n_epochs, training, grad_enabled, model_training in result["log"]:
        if event not in BATCH_EVENTS or training is None:
            continue
        if grad_enabled != bool(training):
            raise Mismatch(f"at {event} of epoch {epoch}, {'training' if training else 'validation'} batch {it}: "
                           f"gradients are {'on' if grad_enabled else 'off'}")
        if model_training != bool(training):
            raise Mismatch(f"at {event} of epoch {epoch}, {'training' if training else 'validation'} batch {it}: "
                           f"the model is in {'train' if model_training else 'eval'} mode")


@exercise("Learner", points=3, hint="per training batch: loss.backward(), opt.step(), then opt.zero_grad(); "
                                    "never step in validation")
@given(setup=setups(), opt=st.sampled_from(["sgd", "momentum", "adam"]), lr=st.sampled_from([0.01, 0.1]))
def test_trains_like_a_plain_torch_loop(impl, setup, opt, lr):
    """The final weights equal those of a plain torch loop with the same optimizer, lr and batches."""
    result = run(impl, setup, opt=opt, lr=lr)
    expect_weights(result, plain_loop(setup, opt, lr), f"after fit({setup['n_epochs']}) with {opt}, lr={lr}")


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


@exercise("Learner", points=2, hint="always read learn.xb, learn.preds and learn.loss back from self after "
                                    "firing an event: a callback may have replaced them")
@given(setup=setups(max_epochs=2), what=st.sampled_from(["xb", "preds", "loss"]))
def test_uses_state_replaced_by_a_callback(impl, setup, what):
    """A callback replacing learn.xb (before_batch), learn.preds (after_pred) or learn.loss (after_loss) is obeyed."""
    result = run(impl, setup, modify=what)
    expect_weights(result, plain_loop(setup, modify=what), f"training with learn.{what} replaced by a callback")


@exercise("Learner", points=1, hint="create the optimizer in fit, from learn.model and learn.lr as they are then")
@given(setup=setups(max_epochs=2))
def test_uses_model_and_lr_set_after_construction(impl, setup):
    """learn.model and learn.lr set after construction are the ones fit trains (the optimizer is made in fit)."""
    g = torch.Generator().manual_seed(1)
    late_weight = torch.randn(setup["weight"].shape, generator=g, dtype=torch.float64)
    late_bias = torch.randn(setup["bias"].shape, generator=g, dtype=torch.float64)
    result = run(impl, setup, late=[late_weight, late_bias, 0.05])
    expect_weights(result, plain_loop(setup, lr=0.05, weight=late_weight, bias=late_bias),
                   "training the model set after construction")


@exercise("Learner", points=2, hint="put each after_X in a finally: it must run when an error passes through, "
                                    "and the error must still reach the caller")
@settings(max_examples=100)
@given(case=cases("error"))
def test_errors_propagate_after_the_after_events(impl, case):
    """An error raised by a callback leaves fit, after every pending after_batch, after_epoch and after_fit ran."""
    setup, trigger = case
    expect_events(run(impl, setup, trigger=trigger), setup, trigger)


# --- the Cancel exceptions -----------------------------------------------------------------------

def cancel_test(kind: str):
    @settings(max_examples=100)
    @given(case=cases(kind))
    def test(impl, case):
        setup, trigger = case
        expect_events(run(impl, setup, trigger=trigger), setup, trigger)
    test.__name__ = test.__qualname__ = f"test_cancel_{kind}"
    return test


test_cancel_batch = exercise(
    "CancelBatchException", points=2,
    hint="catch CancelBatchException around one batch only: after_batch still runs, and so does the next batch")(
    cancel_test("batch"))
test_cancel_batch.__doc__ = "CancelBatchException from any event skips the rest of that batch only."
test_cancel_epoch = exercise(
    "CancelEpochException", points=2,
    hint="catch CancelEpochException around one epoch: its remaining batches and its validation pass are "
         "skipped, after_batch and after_epoch still run")(cancel_test("epoch"))
test_cancel_epoch.__doc__ = "CancelEpochException from any event skips the rest of that epoch, validation included."
test_cancel_fit = exercise(
    "CancelFitException", points=2,
    hint="catch CancelFitException around the whole fit: every pending after_ event still runs")(cancel_test("fit"))
test_cancel_fit.__doc__ = "CancelFitException from any event ends the fit, after the pending after_ events."
