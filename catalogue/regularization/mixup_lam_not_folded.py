"""lam is used as drawn, without lam = max(lam, 1 - lam): half the batches lean towards the shuffled examples."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        self.lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
