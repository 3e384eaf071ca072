"""StatefulOptimizer.step() runs without torch.no_grad(): the steppers' in-place changes to parameters that require
grad fail."""
EXERCISE = "StatefulOptimizer"
TITLE = "StatefulOptimizer.step() without torch.no_grad()"
EXPLANATION = ("Parameters require grad, and autograd refuses in-place changes to a leaf that requires grad: the "
               "steppers must run under torch.no_grad(), which also keeps the updates out of the graph (lesson 11: "
               "stateful optimizers).")

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
