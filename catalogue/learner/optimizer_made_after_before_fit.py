"""The optimizer is created after before_fit, so an optimizer a callback set up in before_fit is overwritten."""
EXERCISE = "Learner"
TITLE = "optimizer created after before_fit, overwriting a callback's"
EXPLANATION = ("The optimizer must exist before before_fit fires, since callbacks set it up there (replacing "
               "learn.opt, or setting its lr as a schedule or an LR finder does). Created inside the fit stage, it "
               "replaces whatever before_fit put in place (lessons 9-10: the Learner's state).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        for cb in self.cbs:
            cb.learn = self

        def body():
            self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
            self._all_epochs()
        self._stage("fit", CancelFitException, body)
