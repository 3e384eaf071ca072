"""T counts validation batches too, so the cycle is stretched over more steps than are trained."""
EXERCISE = "OneCycle"
TITLE = "OneCycle's T counts the validation batches too"
EXPLANATION = ("Only training batches take a step, so the cycle spans T = n_epochs * len(dls.train). Counting "
               "validation batches stretches it over more steps than are taken: the warm-up ends late, and the lr "
               "never comes down to its final value (lesson 11: one-cycle training).")


class OneCycle(OneCycle):
    def before_fit(self):
        self.total = self.learn.n_epochs * (len(self.learn.dls.train) + len(self.learn.dls.valid))
        self.step = 0
