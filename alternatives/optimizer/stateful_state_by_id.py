"""StatefulOptimizer whose state is keyed by id(p), built by merging the stats' init_state dicts in one
expression, with the stats' defaults merged by dict unpacking and each stepper given one merged dict."""
EXERCISE = "StatefulOptimizer"


class StatefulOptimizer(Optimizer):
    def __init__(self, params, steppers, stats=(), **defaults):
        self.stats = [*stats]
        stat_defaults = {k: v for stat in self.stats for k, v in getattr(stat, "_defaults", {}).items()}
        super().__init__(params, steppers, **{**stat_defaults, **defaults})
        self.state = {}

    def step(self) -> None:
        with torch.no_grad():
            for p, hypers in self.grad_params():
                key = id(p)
                if key not in self.state:
                    self.state[key] = {k: v for stat in self.stats for k, v in stat.init_state(p).items()}
                for stat in self.stats:
                    self.state[key] = stat.update(p, self.state[key], **hypers)
                arguments = {**self.state[key], **hypers}
                for stepper in self.steppers:
                    p = stepper(p, **arguments)
