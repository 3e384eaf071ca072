"""PyTorch's usual idiom, opt.zero_grad() before loss.backward(): the same steps, but each batch's gradients stay
on the parameters through after_batch, the next before_batch and the whole validation pass."""
EXERCISE = "Learner"
TITLE = "opt.zero_grad() before loss.backward() instead of after after_step"
EXPLANATION = ("Zeroing before backward, PyTorch's usual idiom, takes the same steps, but the Learner fixes when "
               "gradients exist: from backward to after_step, and zero at every other event. Zeroed before backward, "
               "each batch's gradients stay on the parameters through after_batch, the next before_batch and the "
               "whole validation pass (lessons 9-10: the training loop).")


class Learner(Learner):
    def _one_batch(self):
        self.preds = self.model(self.xb)
        self.callback("after_pred")
        self.loss = self.loss_func(self.preds, self.yb)
        self.callback("after_loss")
        if self.training:
            self.opt.zero_grad()
            self.loss.backward()
            self.callback("after_backward")
            self.opt.step()
            self.callback("after_step")
