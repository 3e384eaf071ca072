"""The permutation is drawn before lam: the same seed gives another mixture than the contract's."""
EXERCISE = "MixUp"


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        self.perm = torch.randperm(len(learn.xb))
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
