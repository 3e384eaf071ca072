"""lam is drawn once, in the constructor, and every batch is mixed with it."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def __init__(self, alpha=0.4):
        self.alpha = alpha
        concentration = torch.tensor(float(alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)

    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
