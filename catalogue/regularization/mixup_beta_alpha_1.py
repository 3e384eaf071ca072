"""lam is drawn from Beta(alpha, 1) instead of Beta(alpha, alpha)."""
EXERCISE = "MixUp"
TITLE = "lam drawn from Beta(alpha, 1) instead of Beta(alpha, alpha)"
EXPLANATION = ("Mixup draws lam from the symmetric Beta(alpha, alpha), which for small alpha puts most of its mass "
               "near 0 and 1, so most mixtures stay close to one example; Beta(alpha, 1) is another, lopsided "
               "distribution. Pass alpha as both parameters (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        lam = torch.distributions.Beta(torch.tensor(float(self.alpha)), torch.tensor(1.0)).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
