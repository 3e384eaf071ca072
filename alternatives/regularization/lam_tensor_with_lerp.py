"""MixUp keeping lam as a tensor (torch.maximum of lam and 1 - lam) and mixing with torch.lerp."""
EXERCISE = "MixUp"


class MixUp(Callback):
    def __init__(self, alpha=0.4):
        self.distrib = torch.distributions.Beta(torch.tensor([alpha]), torch.tensor([alpha]))

    def before_batch(self):
        if not self.learn.training:
            return
        lam = self.distrib.sample().squeeze()
        self.lam = torch.maximum(lam, 1 - lam)
        self.shuffle = torch.randperm(self.learn.xb.size(0))
        xb = self.learn.xb
        self.learn.xb = torch.lerp(xb[self.shuffle], xb, self.lam.to(xb.dtype))

    def after_loss(self):
        if not self.learn.training:
            return
        learn = self.learn
        other = learn.loss_func(learn.preds, learn.yb[self.shuffle])
        learn.loss = torch.lerp(other, learn.loss_func(learn.preds, learn.yb), self.lam.to(other.dtype))
