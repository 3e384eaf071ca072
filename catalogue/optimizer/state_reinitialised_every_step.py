"""Each step starts the state afresh from init_state: the averages and the step count never build up."""
EXERCISE = "StatefulOptimizer"
TITLE = "state made afresh from init_state at every step"
EXPLANATION = ("The state is made once, at a parameter's first step, and kept in self.state: that is what lets "
               "grad_avg, sqr_avg and step build up. Starting from init_state every time leaves the averages with the "
               "current gradient only and step at 1 forever (lesson 11: stateful optimizers).")

class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        merged = {}
        for stat in self.stats:
            merged.update(getattr(stat, "_defaults", {}))
        merged.update(defaults)
        super().__init__(params, steppers, **merged)
        self.state = {}

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                state = {}
                for stat in self.stats:
                    state.update(stat.init_state(p))
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                self.state[p] = state
                for stepper in self.steppers:
                    p = stepper(p, **state, **hypers)
