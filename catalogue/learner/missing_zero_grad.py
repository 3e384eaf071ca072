"""No opt.zero_grad(): gradients accumulate from batch to batch."""
EXERCISE = "Learner"
TITLE = "no opt.zero_grad(): gradients accumulate from batch to batch"
EXPLANATION = ("loss.backward() adds to each parameter's .grad rather than overwriting it. Without opt.zero_grad() "
               "after the step, every step uses the sum of all the gradients so far instead of this batch's (lesson "
               "9: the training loop).")


class Learner(Learner):
    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
