"""lam is drawn uniformly (torch.rand) instead of from Beta(alpha, alpha)."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        lam = torch.rand(()).item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
