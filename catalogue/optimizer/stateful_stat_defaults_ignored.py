"""The stats' _defaults are never merged: without a mom passed, AverageGrad's update gets none."""
EXERCISE = "StatefulOptimizer"
TITLE = "the stats' _defaults never merged into the hyper-parameters"
EXPLANATION = ("StatefulOptimizer merges the stats' _defaults too (AverageGrad's mom = 0.9, AverageSqrGrad's sqr_mom "
               "= 0.99), then the keywords passed. Without them, an optimizer built without mom gives "
               "AverageGrad.update no mom and it fails (lesson 11: stateful optimizers).")

class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = list(stats)
        super().__init__(params, steppers, **defaults)
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
