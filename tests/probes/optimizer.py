"""Probes for optimizer: build the student's optimizers, steppers and statistics, drive them, report what they did.

Each exercise is graded on its own. The pieces it does not grade are the kit's stand-ins below,
plain torch written for the probe: the sgd_step test drives the student's sgd_step with the kit's
Optimizer, the StatefulOptimizer tests run the student's class on the kit's Optimizer (its base
class is swapped for the duration of the call) with the kit's statistics and steppers, and the
adam_opt tests call the student's adam_opt while the module's other names are the kit's. So a
broken AverageGrad costs AverageGrad only.

Every stand-in is made afresh for each call, its `_defaults` a new dict: an optimizer that writes
into a stepper's `_defaults` changes nothing beyond the call that shows it.
"""
import contextlib

import torch

# --- the kit's stand-ins ---------------------------------------------------------------------------

# The `_defaults` of the kit's steppers and statistics: SPEC.md's, which the judge merges too.
STEPPER_DEFAULTS = {"sgd_step": {}, "weight_decay": {"wd": 0.0}, "l2_reg": {"wd": 0.0}, "momentum_step": {},
                    "adam_step": {"eps": 1e-5}, "lamb_step": {"eps": 1e-6, "wd": 0.0}}
STAT_DEFAULTS = {"AverageGrad": {"mom": 0.9}, "AverageSqrGrad": {"sqr_mom": 0.99}, "StepCount": {}}
# The recording steppers' and statistic's defaults (Optimizer and StatefulOptimizer tests).
RECORDER_DEFAULTS = {"first": {"alpha": 0.25}, "last": {"beta": 0.5}}
TRACE_DEFAULTS = {"gamma": 0.75}


def _sgd_step(p, lr, **kwargs):
    p.add_(p.grad, alpha=-lr)
    return p


def _weight_decay(p, lr, wd, **kwargs):
    p.mul_(1 - lr * wd)
    return p


def _l2_reg(p, wd, **kwargs):
    p.grad.add_(p, alpha=wd)
    return p


def _momentum_step(p, lr, grad_avg, **kwargs):
    p.add_(grad_avg, alpha=-lr)
    return p


def _debias(mom, damp, step):
    return damp * (1 - mom**step) / (1 - mom)


def _adam_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, **kwargs):
    debias1, debias2 = _debias(mom, mom_damp, step), _debias(sqr_mom, sqr_damp, step)
    p.addcdiv_(grad_avg, (sqr_avg / debias2).sqrt() + eps, value=-lr / debias1)
    return p


def _lamb_step(p, lr, mom, mom_damp, step, sqr_mom, sqr_damp, grad_avg, sqr_avg, eps, wd, **kwargs):
    debias1, debias2 = _debias(mom, mom_damp, step), _debias(sqr_mom, sqr_damp, step)
    direction = grad_avg / debias1 / ((sqr_avg / debias2).sqrt() + eps) + wd * p
    r1, r2 = p.norm().item(), direction.norm().item()
    p.add_(direction, alpha=-lr * (1.0 if r1 == 0 or r2 == 0 else r1 / r2))
    return p


_STEPPERS = {"sgd_step": _sgd_step, "weight_decay": _weight_decay, "l2_reg": _l2_reg,
             "momentum_step": _momentum_step, "adam_step": _adam_step, "lamb_step": _lamb_step}


def _kit_stepper(name):
    """A new function object for the kit's stepper `name`, with a new `_defaults` dict."""
    function = _STEPPERS[name]

    def stepper(p, **kwargs):
        return function(p, **kwargs)

    stepper.__name__ = name
    stepper._defaults = dict(STEPPER_DEFAULTS[name])
    return stepper


class _AverageGrad:
    def __init__(self, dampening=False):
        self.dampening = dampening
        self._defaults = dict(STAT_DEFAULTS["AverageGrad"])

    def init_state(self, p):
        return {"grad_avg": torch.zeros_like(p)}

    def update(self, p, state, mom, **kwargs):
        state["mom_damp"] = 1 - mom if self.dampening else 1.0
        state["grad_avg"].mul_(mom).add_(p.grad, alpha=state["mom_damp"])
        return state


class _AverageSqrGrad:
    def __init__(self, dampening=True):
        self.dampening = dampening
        self._defaults = dict(STAT_DEFAULTS["AverageSqrGrad"])

    def init_state(self, p):
        return {"sqr_avg": torch.zeros_like(p)}

    def update(self, p, state, sqr_mom, **kwargs):
        state["sqr_damp"] = 1 - sqr_mom if self.dampening else 1.0
        state["sqr_avg"].mul_(sqr_mom).addcmul_(p.grad, p.grad, value=state["sqr_damp"])
        return state


class _StepCount:
    def __init__(self):
        self._defaults = {}

    def init_state(self, p):
        return {"step": 0}

    def update(self, p, state, **kwargs):
        state["step"] += 1
        return state


_STATS = {"AverageGrad": _AverageGrad, "AverageSqrGrad": _AverageSqrGrad, "StepCount": _StepCount}


class _Optimizer:
    """The kit's Optimizer: what StatefulOptimizer may build on (param_groups, steppers, hypers, grad_params)."""

    def __init__(self, params, steppers, **defaults):
        self.steppers = list(steppers)
        hypers = {}
        for stepper in self.steppers:
            hypers.update(getattr(stepper, "_defaults", {}))
        hypers.update(defaults)
        params = list(params)
        groups = params if params and isinstance(params[0], (list, tuple)) else [params]
        self.param_groups = [{"params": list(group), **hypers} for group in groups]

    def hypers(self, group):
        return {key: value for key, value in group.items() if key != "params"}

    def grad_params(self):
        return [(p, self.hypers(group)) for group in self.param_groups for p in group["params"]
                if p.grad is not None]

    def zero_grad(self):
        for p, _ in self.grad_params():
            p.grad.detach_()
            p.grad.zero_()

    def step(self):
        with torch.no_grad():
            for p, hypers in self.grad_params():
                for stepper in self.steppers:
                    p = stepper(p, **hypers)


class _StatefulOptimizer(_Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        merged = {}
        for stat in self.stats:
            merged.update(getattr(stat, "_defaults", {}))
        merged.update(defaults)
        super().__init__(params, steppers, **merged)
        self.state = {}

    def step(self):
        with torch.no_grad():
            for p, hypers in self.grad_params():
                if p not in self.state:
                    self.state[p] = {}
                    for stat in self.stats:
                        self.state[p].update(stat.init_state(p))
                state = self.state[p]
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                self.state[p] = state
                for stepper in self.steppers:
                    p = stepper(p, **state, **hypers)


def _kit_adam_opt(**defaults):
    def make(params, **more):
        return _StatefulOptimizer(params, [_kit_stepper("weight_decay"), _kit_stepper("adam_step")],
                                  stats=[_AverageGrad(dampening=True), _AverageSqrGrad(), _StepCount()],
                                  **{**defaults, **more})
    return make


def _kit(name):
    """A fresh kit stand-in for the public name `name` (classes and adam_opt as they are: they hold no defaults)."""
    if name in _STEPPERS:
        return _kit_stepper(name)
    return {**_STATS, "Optimizer": _Optimizer, "StatefulOptimizer": _StatefulOptimizer,
            "adam_opt": _kit_adam_opt}[name]


PUBLIC = ("Optimizer", "StatefulOptimizer", "AverageGrad", "AverageSqrGrad", "StepCount", "adam_opt", *_STEPPERS)


@contextlib.contextmanager
def _graded_alone(m, exercise):
    """While inside: the student's `exercise` sees the kit's versions of the module's other pieces.

    StatefulOptimizer: its base class (the student's Optimizer) is the kit's, and so is the module's
    `Optimizer`. adam_opt: every other public name of the module is the kit's. Everything is restored after.
    """
    absent = object()
    saved_names, saved_bases = {}, None
    try:
        if exercise == "StatefulOptimizer":
            cls = getattr(m, "StatefulOptimizer", None)
            theirs = getattr(m, "Optimizer", absent)
            if isinstance(cls, type) and theirs in cls.__bases__:
                saved_bases = (cls, cls.__bases__)
                cls.__bases__ = tuple(_Optimizer if base is theirs else base for base in cls.__bases__)
            saved_names["Optimizer"] = theirs
            m.Optimizer = _Optimizer
        elif exercise == "adam_opt":
            for name in PUBLIC:
                if name != "adam_opt":
                    saved_names[name] = getattr(m, name, absent)
                    setattr(m, name, _kit(name))
        yield
    finally:
        if saved_bases is not None:
            saved_bases[0].__bases__ = saved_bases[1]
        for name, value in saved_names.items():
            if value is absent:
                delattr(m, name)
            else:
                setattr(m, name, value)


# --- what the probes report ------------------------------------------------------------------------

def _plain(value):
    """A plain copy of a tensor (a subclass becomes a plain tensor); a number or None as is; anything else named."""
    if isinstance(value, torch.Tensor):
        return torch.Tensor.as_subclass(torch.Tensor.detach(value).clone(), torch.Tensor)
    if value is None or type(value) in (bool, int, float, str):
        return value
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


def _numbers(kwargs):
    """The entries of `kwargs` that are numbers (hyper-parameters, counts), by name."""
    return {str(k): v for k, v in kwargs.items() if type(v) in (bool, int, float)}


def _state_report(state):
    """A state dict as plain data ({name: tensor copy or number}), or a sentence saying what it was instead."""
    if not isinstance(state, dict):
        return f"not a dict: {type(state).__qualname__}"
    return {str(k): _plain(v) for k, v in state.items()}


def _returned(result, p):
    if result is p:
        return "p"
    return "None" if result is None else f"a {type(result).__qualname__} other than p"


def _groups(opt, index):
    """[{"params": [indices of the tensors given], "hypers": {name: value}}] for opt.param_groups, or a sentence."""
    groups = getattr(opt, "param_groups", None)
    if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
        return f"param_groups is a {type(groups).__qualname__}, not a list of dicts"
    report = []
    for group in groups:
        params = group.get("params")
        if not isinstance(params, list):
            return f"a group's 'params' is a {type(params).__qualname__}, not a list"
        report.append({"params": [index(p) for p in params],
                       "hypers": {str(k): (v if type(v) in (bool, int, float) else _plain(v))
                                  for k, v in group.items() if k != "params"}})
    return report


def _recorder(tag, log, index):
    """A stepper that records, for each call, its tag, the parameter, the names it got and their numbers."""
    def stepper(p, **kwargs):
        log.append({"event": tag, "param": index(p), "keys": sorted(map(str, kwargs)),
                    "numbers": _numbers(kwargs)})
        return p
    stepper._defaults = dict(RECORDER_DEFAULTS[tag])
    return stepper


class _Trace:
    """A statistic that records its init_state and update calls; its state holds `trace_count` (updates so far)."""

    def __init__(self, log, index):
        self.log, self.index = log, index
        self._defaults = dict(TRACE_DEFAULTS)

    def init_state(self, p):
        self.log.append({"event": "init", "param": self.index(p)})
        return {"trace_count": 0}

    def update(self, p, state, **kwargs):
        self.log.append({"event": "update", "param": self.index(p), "keys": sorted(map(str, kwargs)),
                         "numbers": _numbers(kwargs), "trace_count": state.get("trace_count")})
        state["trace_count"] = state.get("trace_count", 0) + 1
        return state


def _set_grads(params, grads):
    """p.grad = None where grads says None; elsewhere one backward pass of sum(p * g), which adds g to p.grad."""
    for p, g in zip(params, grads):
        if g is None:
            p.grad = None
    pairs = [(p, g) for p, g in zip(params, grads) if g is not None]
    if pairs:
        with torch.enable_grad():
            sum((p * g).sum() for p, g in pairs).backward()


def _params(scenario):
    """Leaf tensors that require grad, one per tensor of the scenario, by group; and all of them in one list."""
    groups = [[t.clone().requires_grad_() for t in group] for group in scenario["params"]]
    every = [p for group in groups for p in group]

    def index(p):
        return next((i for i, q in enumerate(every) if q is p), -1)

    return groups, every, index


def _given(scenario, groups):
    """The params argument: the one group as a generator of tensors (as model.parameters()), or lists by group."""
    return (p for p in groups[0]) if scenario["single"] else [list(group) for group in groups]


def _drive(opt, groups, every, index, steps, log):
    """Run the steps on opt: each group's dict gets its "set" values (as a scheduler does), the gradients are
    set (None, or added by a backward pass), opt.step(), the values are recorded, opt.zero_grad(), the
    gradients recorded. Returns [{"params", "groups", "grads", "n_state", "log"}], one per step."""
    report = []
    for step in steps:
        for group, changes in zip(opt.param_groups, step["set"]):
            group.update(changes)
        _set_grads(every, [g for grads in step["grads"] for g in grads])
        log.clear()
        opt.step()
        values = [[_plain(p) for p in group] for group in groups]
        seen = _groups(opt, index)
        opt.zero_grad()
        state = getattr(opt, "state", None)
        report.append({"params": values, "groups": seen,
                       "grads": [[_plain(p.grad) for p in group] for group in groups],
                       "n_state": len(state) if isinstance(state, dict) else None,
                       "log": [dict(entry) for entry in log]})
    return report


def _pieces(m, recipe, log, index):
    """The steppers and statistics of `recipe`: the student's for the exercise's name, the kit's for the others."""
    exercise = recipe["exercise"]

    def resolve(name):
        return getattr(m, name) if name == exercise else _kit(name)

    steppers = [resolve(name) for name in recipe.get("steppers", [])]
    stats = [resolve(name)(**kwargs) for name, kwargs in recipe.get("stats", [])]
    if recipe.get("record"):
        steppers = [_recorder("first", log, index), *steppers, _recorder("last", log, index)]
    if recipe.get("trace"):
        stats.append(_Trace(log, index))
    cls = resolve(recipe["build"])
    return cls, steppers, stats


def _build(recipe, cls, params, steppers, stats, keywords):
    if recipe["build"] == "StatefulOptimizer":
        return cls(params, steppers, stats=stats, **keywords)
    return cls(params, steppers, **keywords)


def train(m, recipe, scenario):
    """Build an optimizer as `recipe` says, then run `scenario`'s steps; report the groups, values and grads.

    recipe: {"exercise": the public name the student's code is used for (everything else is the kit's),
    "build": "Optimizer" or "StatefulOptimizer", "steppers": [names], "stats": [[name, kwargs]],
    "record": add the recording steppers "first" and "last" around the steppers, "trace": add the tracing
    statistic}. scenario: {"params": [[tensor] per group], "single": pass the one group as a generator of
    tensors, "defaults": {constructor keywords}, "steps": [{"set": [{name: value} per group],
    "grads": [[tensor or None] per group]}]}.

    Returns {"start": the groups after construction, "steps": what _drive reports}.
    """
    groups, every, index = _params(scenario)
    log = []
    with _graded_alone(m, recipe["exercise"]):
        cls, steppers, stats = _pieces(m, recipe, log, index)
        opt = _build(recipe, cls, _given(scenario, groups), steppers, stats, scenario["defaults"])
        start = _groups(opt, index)
        if not isinstance(start, list) or len(start) != len(groups):
            return {"start": start, "steps": []}  # the judge says what is wrong; the steps cannot be applied
        return {"start": start, "steps": _drive(opt, groups, every, index, scenario["steps"], log)}


def adam_opt_pair(m, scenario, first, second):
    """make = adam_opt(**defaults); two optimizers, make(params, **first) and then make(copies, **second),
    each on its own copy of the scenario's parameters, then each driven through the steps (the first, then
    the second), with the module's other names the kit's. Returns [{"start", "steps"}] for both."""
    log = []
    with _graded_alone(m, "adam_opt"):
        make = m.adam_opt(**scenario["defaults"])
        built = []
        for keywords in (first, second):
            groups, every, index = _params(scenario)
            built.append((make(_given(scenario, groups), **keywords), groups, every, index))
        report = []
        for opt, groups, every, index in built:
            start = _groups(opt, index)
            steps = (_drive(opt, groups, every, index, scenario["steps"], log)
                     if isinstance(start, list) and len(start) == len(groups) else [])
            report.append({"start": start, "steps": steps})
    return report


def construct(m, recipe, scenario, again):
    """Build two optimizers as `recipe` says, on the same steppers and statistics: the first with the scenario's
    keywords, the second with the keywords `again`.

    Returns {"first", "second": the groups after construction, "steppers": each stepper's `_defaults` after
    both, "stats": each statistic's}. An optimizer that writes into a stepper's or statistic's `_defaults`
    gives the second optimizer the first one's keywords.
    """
    log = []
    with _graded_alone(m, recipe["exercise"]):
        groups, every, index = _params(scenario)
        cls, steppers, stats = _pieces(m, recipe, log, index)
        built = [_groups(_build(recipe, cls, _given(scenario, groups), steppers, stats, keywords), index)
                 for keywords in (scenario["defaults"], again)]
    return {"first": built[0], "second": built[1],
            "steppers": [_numbers(getattr(s, "_defaults", {})) for s in steppers],
            "stats": [_numbers(getattr(s, "_defaults", {})) for s in stats]}


def stepper_calls(m, name, p, calls):
    """m.<name>(p, **kwargs) once per call, on the same p (a leaf that requires grad), under torch.no_grad().

    Each call is {"grad": set as p.grad first (a new tensor), "kwargs": the keyword arguments (tensors in
    them are fresh copies)}. Returns, per call: {"returned": "p" when the stepper returned p itself, "p": p's
    values after, "grad": p.grad after, "kwargs": the keyword arguments as they were after the call,
    "requires_grad": whether p still requires grad}.
    """
    p = p.clone().requires_grad_()
    stepper = getattr(m, name)
    report = []
    for call in calls:
        p.grad = call["grad"].clone()
        kwargs = {k: v.clone() if isinstance(v, torch.Tensor) else v for k, v in call["kwargs"].items()}
        with torch.no_grad():
            result = stepper(p, **kwargs)
        report.append({"returned": _returned(result, p), "p": _plain(p), "grad": _plain(p.grad),
                       "kwargs": {k: _plain(v) for k, v in kwargs.items()}, "requires_grad": p.requires_grad})
    return report


def stat_updates(m, name, kwargs, params, foreign, steps):
    """One m.<name>(**kwargs) for all params: each gets its state from init_state(p), beside another statistic's
    entries (`foreign`), then per step, for each [param index, grad, hypers] of the step in turn, p.grad is set
    and `state = stat.update(p, state, **hypers)` runs under torch.no_grad().

    Returns {"init": [the state each init_state gave], "steps": [[{"param", "state", "p", "grad"} after each
    update of the step]]}, the state as a dict of copies (or a sentence saying what it was instead).
    """
    stat = getattr(m, name)(**kwargs)
    ps = [t.clone().requires_grad_() for t in params]
    states, init = [], []
    for p in ps:
        with torch.no_grad():
            fresh = stat.init_state(p)
        init.append(_state_report(fresh))
        states.append({**{k: _plain(v) for k, v in foreign.items()}, **fresh} if isinstance(fresh, dict) else fresh)
    report = {"init": init, "steps": []}
    for step in steps:
        seen = []
        for i, grad, hypers in step:
            p = ps[i]
            p.grad = grad.clone()
            with torch.no_grad():
                states[i] = stat.update(p, states[i], **hypers)
            seen.append({"param": i, "state": _state_report(states[i]), "p": _plain(p), "grad": _plain(p.grad)})
        report["steps"].append(seen)
    return report
