"""The inputs are mixed the other way round: lam on the shuffled batch, 1 - lam on the batch itself."""
EXERCISE = "MixUp"
TITLE = "inputs mixed with lam on the shuffled batch and 1 - lam on the batch"
EXPLANATION = ("After lam = max(lam, 1 - lam), lam >= 0.5 belongs to the batch's own examples, the ones whose targets "
               "weigh lam in the loss; swapped, each input leans towards the shuffled example while the loss favours "
               "the original. Use xb = lam * xb + (1 - lam) * xb[perm] (lesson 12 and fastbook chapter 7: mixup).")


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
