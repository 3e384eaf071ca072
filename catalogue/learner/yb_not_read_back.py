"""The loss uses the loop's own yb, so targets a callback puts in learn.yb are ignored."""
EXERCISE = "Learner"
TITLE = "loss computed from the loop's own yb, not learn.yb"
EXPLANATION = ("Callbacks may replace learn.yb in before_batch (moving the targets to the GPU, transforming them), "
               "so the loss must read learn.yb back from self. The loop's local copy ignores the replacement "
               "(lessons 9-10: callbacks change the Learner's state).")


class Learner(Learner):
    def _one_pass(self, training):
        self.training = training
        self.model.train(training)
        batches = self.dls.train if training else self.dls.valid
        self.n_iter = len(batches)
        for self.iter, (xb, yb) in enumerate(batches):
            self.xb, self.yb, self._yb = xb, yb, yb
            self._stage("batch", CancelBatchException, self._one_batch)

    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self._yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
            self.opt.zero_grad()
