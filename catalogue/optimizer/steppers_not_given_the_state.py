"""The steppers get the hyper-parameters only (stepper(p, **hypers)), not the state."""
EXERCISE = "StatefulOptimizer"
TITLE = "steppers called with the hyper-parameters only, not the state"
EXPLANATION = ("Stateful steppers such as momentum_step and adam_step read grad_avg, sqr_avg and step from the "
               "parameter's state: call each as stepper(p, **state, **hypers) (lesson 11: stateful optimizers).")

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
                for stat in self.stats:
                    state = stat.update(p, state, **hypers)
                self.state[p] = state
                for stepper in self.steppers:
                    p = stepper(p, **hypers)
