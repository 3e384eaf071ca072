"""fit makes the optimizer only if there is none yet: a second fit reuses it, with the old lr, the old model's
parameters and the first fit's momentum."""
EXERCISE = "Learner"
TITLE = "optimizer made only when there is none yet, so later fits reuse it"
EXPLANATION = ("fit makes a new optimizer each time, from learn.model and learn.lr as they are then. Keeping the "
               "first one gives a second fit the old lr, the old model's parameters and the first fit's momentum "
               "(lessons 9-10: the Learner).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        if self.opt is None:
            self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, self._all_epochs)
