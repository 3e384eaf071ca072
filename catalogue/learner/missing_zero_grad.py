"""No opt.zero_grad(): gradients accumulate from batch to batch."""
EXERCISE = "Learner"


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
