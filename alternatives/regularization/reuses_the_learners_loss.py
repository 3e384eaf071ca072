"""MixUp whose first term is the loss the learner already computed (learn.loss is loss_func(preds, yb)), with lam
drawn from a Beta of Python floats and folded with min."""
EXERCISE = "MixUp"


class MixUp(Callback):
    def __init__(self, alpha=0.4):
        self.alpha = alpha
        self.lam = self.perm = None

    def before_batch(self):
        learn = self.learn
        if learn.training:
            lam = float(torch.distributions.Beta(self.alpha, self.alpha).sample())
            self.lam = 1 - min(lam, 1 - lam)
            self.perm = torch.randperm(learn.yb.shape[0])
            learn.xb = learn.xb * self.lam + learn.xb[self.perm] * (1 - self.lam)

    def after_loss(self):
        learn = self.learn
        if learn.training:
            learn.loss = self.lam * learn.loss + (1 - self.lam) * learn.loss_func(learn.preds, learn.yb[self.perm])
