"""T counts validation batches too, so the cycle is stretched over more steps than are trained."""
EXERCISE = "OneCycle"


class OneCycle(OneCycle):
    def before_fit(self):
        self.total = self.learn.n_epochs * (len(self.learn.dls.train) + len(self.learn.dls.valid))
        self.step = 0
