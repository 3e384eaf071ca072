"""The optimizer is created after before_fit, so an optimizer a callback set up in before_fit is overwritten."""
EXERCISE = "Learner"


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        for cb in self.cbs:
            cb.learn = self

        def body():
            self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
            self._all_epochs()
        self._stage("fit", CancelFitException, body)
