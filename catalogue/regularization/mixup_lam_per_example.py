"""fastai's per-example lam: one Beta draw per example of the batch, where the contract draws one per batch."""
EXERCISE = "MixUp"
TITLE = "one lam per example (fastai's version) instead of one per batch"
EXPLANATION = ("fastai's MixUp draws a lam for each example, but this assignment draws a single lam from Beta(alpha, "
               "alpha) for the whole batch and weights the loss with that same lam; per-example draws give other "
               "mixtures from the same seed and a loss weighted by their mean (lesson 12 and fastbook chapter 7: "
               "mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample((len(learn.xb),))
        self.lam = torch.stack([lam, 1 - lam], 1).max(1)[0]
        self.perm = torch.randperm(len(learn.xb))
        shape = (-1,) + (1,) * (learn.xb.dim() - 1)
        lam_x = self.lam.view(shape).to(learn.xb.dtype)
        learn.xb = lam_x * learn.xb + (1 - lam_x) * learn.xb[self.perm]

    def after_loss(self):
        learn = self.learn
        if not learn.training:
            return
        lam = self.lam.mean().item()
        learn.loss = (lam * learn.loss_func(learn.preds, learn.yb)
                      + (1 - lam) * learn.loss_func(learn.preds, learn.yb[self.perm]))
