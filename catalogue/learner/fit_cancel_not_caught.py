"""fit does not catch CancelFitException: it escapes to the caller (and after_fit is skipped)."""
EXERCISE = "CancelFitException"


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        self.callback("before_fit")
        self._all_epochs()
        self.callback("after_fit")
