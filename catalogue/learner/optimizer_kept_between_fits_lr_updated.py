"""The optimizer is made on the first fit and kept; later fits only copy learn.lr into its param groups, so
the first fit's momentum (Adam's moments) carries over and a replaced model is never stepped."""
EXERCISE = "Learner"
TITLE = "optimizer kept between fits, only its lr updated"
EXPLANATION = ("fit makes a new optimizer every time, from learn.model and learn.lr as they are then. Reusing the "
               "first fit's optimizer with the new lr copied in keeps its momentum (Adam's moving averages), and it "
               "goes on stepping the old model's parameters when the model was replaced (lessons 9-10: the Learner).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        if self.opt is None:
            self.opt = self.opt_func(self.model.parameters(), lr=self.lr)
        else:
            for group in self.opt.param_groups:
                group["lr"] = self.lr
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, self._all_epochs)
