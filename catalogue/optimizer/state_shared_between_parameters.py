"""The state is made with dict.fromkeys(params, {}): every parameter shares one dict, so they share grad_avg and the
step count."""
EXERCISE = "StatefulOptimizer"
TITLE = "one state dict shared by every parameter (dict.fromkeys with {})"
EXPLANATION = ("dict.fromkeys(params, {}) maps every parameter to the same dict object, so all parameters share one "
               "grad_avg and one step count. Each parameter needs a state of its own, made at its first step (lesson "
               "11: stateful optimizers).")

class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        merged = {}
        for stat in self.stats:
            merged.update(getattr(stat, "_defaults", {}))
        merged.update(defaults)
        super().__init__(params, steppers, **merged)
        self.state = dict.fromkeys([p for group in self.param_groups for p in group["params"]], {})

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                state = self.state[p]
                if not state:
                    for stat in self.stats:
                        state.update(stat.init_state(p))
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                for stepper in self.steppers:
                    p = stepper(p, **state, **hypers)
