"""Every parameter's state is made at construction, frozen parameters included, instead of at each parameter's first
step."""
EXERCISE = "StatefulOptimizer"
TITLE = "state created for every parameter at construction"
EXPLANATION = ("A parameter's state is made at its first step, from the stats' init_state(p), and only for parameters "
               "with a gradient: frozen parameters get none, and state holds exactly the parameters that have stepped "
               "(lesson 11: stateful optimizers).")

class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        merged = {}
        for stat in self.stats:
            merged.update(getattr(stat, "_defaults", {}))
        merged.update(defaults)
        super().__init__(params, steppers, **merged)
        self.state = {}
        for group in self.param_groups:
            for p in group["params"]:
                self.state[p] = {}
                for stat in self.stats:
                    self.state[p].update(stat.init_state(p))

    def step(self) -> None:
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
