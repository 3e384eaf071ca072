"""fit does not catch CancelFitException: it escapes to the caller (and after_fit is skipped)."""
EXERCISE = "CancelFitException"
TITLE = "CancelFitException not caught by fit, and after_fit not in a finally"
EXPLANATION = ("CancelFitException is how a callback ends training early (an LR finder, early stopping): fit must "
               "catch it, once after_fit has run, and return normally. Without that try/finally the cancel reaches "
               "the caller as an error and after_fit never runs (lesson 10: the cancel exceptions).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        self.callback("before_fit")
        self._all_epochs()
        self.callback("after_fit")
