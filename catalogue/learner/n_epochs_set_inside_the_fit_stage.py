"""learn.n_epochs is set inside the fit stage, after before_fit fired: a callback that plans the fit in before_fit
(a schedule's total number of batches) reads the previous fit's n_epochs, or 0."""
EXERCISE = "Learner"
TITLE = "learn.n_epochs set after before_fit has fired"
EXPLANATION = ("A callback plans the fit in before_fit (a schedule counts n_epochs * len(dls.train) steps), so "
               "learn.n_epochs must hold this fit's value before that event. Set inside the fit stage, it shows "
               "before_fit the previous fit's n_epochs, or 0 (lessons 9-10: the Learner's state).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, lambda: self._fit(n_epochs))

    def _fit(self, n_epochs):
        self.n_epochs = n_epochs
        self._all_epochs()
