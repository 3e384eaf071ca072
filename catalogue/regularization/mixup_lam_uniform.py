"""lam is drawn uniformly (torch.rand) instead of from Beta(alpha, alpha)."""
EXERCISE = "MixUp"
TITLE = "lam drawn uniformly (torch.rand) instead of from Beta(alpha, alpha)"
EXPLANATION = ("Mixup's lam comes from Beta(alpha, alpha): for alpha < 1 it is mostly near 0 or 1, so most mixtures "
               "are mild, and alpha sets how strong they are. A uniform lam ignores alpha and mixes far more "
               "strongly. Sample torch.distributions.Beta(alpha, alpha) (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        lam = torch.rand(()).item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
