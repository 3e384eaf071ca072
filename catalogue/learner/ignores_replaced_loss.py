"""backward() is called on a local variable, so a loss replaced by a callback in after_loss is ignored."""
EXERCISE = "Learner"
TITLE = "backward() called on a local loss, not on learn.loss"
EXPLANATION = ("Callbacks may replace learn.loss in after_loss (to add a penalty, or scale it for mixed precision), "
               "so the Learner must read it back from self before backpropagating. A local variable holds the loss "
               "as it was before the callbacks ran, and their change is lost (lessons 9-10: callbacks change the "
               "Learner's state).")


class Learner(Learner):
    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        loss = self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
            self.opt.zero_grad()
