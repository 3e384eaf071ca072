"""fit steps the optimizer it made itself, so an optimizer a callback puts in learn.opt is never stepped."""
EXERCISE = "Learner"
TITLE = "fit steps its own reference to the optimizer, not learn.opt"
EXPLANATION = ("A callback may put another optimizer in learn.opt in before_fit, so the Learner must read learn.opt "
               "at every step. Stepping and zeroing a private reference ignores the replacement, which then never "
               "trains anything (lessons 9-10: callbacks change the Learner's state).")


class Learner(Learner):
    def fit(self, n_epochs):
        self.n_epochs = n_epochs
        self.opt = self._opt = self.opt_func(self.model.parameters(), lr=self.lr)
        for cb in self.cbs:
            cb.learn = self
        self._stage("fit", CancelFitException, self._all_epochs)

    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self._opt.step()
            self.callback("after_step")
            self._opt.zero_grad()
