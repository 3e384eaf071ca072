"""The stats' _defaults are merged over the keywords passed, so AverageGrad's mom = 0.9 wins over the mom given."""
EXERCISE = "StatefulOptimizer"
TITLE = "the stats' _defaults merged over the keywords passed"
EXPLANATION = ("The stats' _defaults fill in what is not passed, and what is passed wins. Merged the other way, "
               "AverageGrad's mom = 0.9 replaces the mom given, so momentum (and Adam's betas) cannot be set (lesson "
               "11: stateful optimizers).")

class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        merged = dict(defaults)
        for stat in self.stats:
            merged.update(getattr(stat, "_defaults", {}))
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
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                self.state[p] = state
                for stepper in self.steppers:
                    p = stepper(p, **state, **hypers)
