"""lam is drawn from Beta(alpha, 1) instead of Beta(alpha, alpha)."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        lam = torch.distributions.Beta(torch.tensor(float(self.alpha)), torch.tensor(1.0)).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
