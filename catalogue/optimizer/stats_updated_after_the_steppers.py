"""The steppers run before the stats' update, so they see the previous step's state (at the first step: zeros and
step 0)."""
EXERCISE = "StatefulOptimizer"
TITLE = "steppers run before the statistics are updated"
EXPLANATION = ("At each step every stat's update runs first, with this step's gradient, and only then the steppers, "
               "so they see the current grad_avg and step. In the other order they read the previous step's state (at "
               "the first step: zeros and step 0) (lesson 11: stateful optimizers).")

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
                if p not in self.state:
                    self.state[p] = {}
                    for stat in self.stats:
                        self.state[p].update(stat.init_state(p))
                state = self.state[p]
                for stepper in self.steppers:
                    p = stepper(p, **state, **hypers)
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                self.state[p] = state
