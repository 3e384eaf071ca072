"""MixUp mixes every batch, validation ones too: the training flag is never read."""
EXERCISE = "MixUp"
NOT_DIAGNOSED = ("its shrunk failing example is one rounding off the right output (lam near 1): no comparison "
                 "that allows a student's rounding can tell it apart")
TITLE = "validation batches mixed too: learn.training never checked"
EXPLANATION = ("Mixup is a training-time regulariser; validation must measure the model on real, unmixed examples and "
               "their real loss. Leave xb and the loss alone when learn.training is False, in before_batch and in "
               "after_loss (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]

    def after_loss(self):
        learn = self.learn
        learn.loss = (self.lam * learn.loss_func(learn.preds, learn.yb)
                      + (1 - self.lam) * learn.loss_func(learn.preds, learn.yb[self.perm]))
