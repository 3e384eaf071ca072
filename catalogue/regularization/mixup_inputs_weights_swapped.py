"""The inputs are mixed the other way round: lam on the shuffled batch, 1 - lam on the batch itself."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = (1 - self.lam) * learn.xb + self.lam * learn.xb[self.perm]
