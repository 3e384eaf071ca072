"""learn.n_epochs is set inside the fit stage, after before_fit fired: a callback that plans the fit in before_fit
(a schedule's total number of batches) reads the previous fit's n_epochs, or 0."""
EXERCISE = "Learner"


class Learner(Learner):
    def fit(self, n_epochs):
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, lambda: self._fit(n_epochs))

    def _fit(self, n_epochs):
        self.n_epochs = n_epochs
        self._all_epochs()
