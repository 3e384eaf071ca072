"""The permutation is drawn before lam: the same seed gives another mixture than the contract's."""
EXERCISE = "MixUp"
TITLE = "permutation drawn before lam"
EXPLANATION = ("lam and the permutation both come from torch's global generator, so their order decides which random "
               "numbers each one gets: drawing the permutation first gives another lam and another perm from the same "
               "seed. Draw lam first, then torch.randperm(N) (lesson 12 and fastbook chapter 7: mixup).")


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
