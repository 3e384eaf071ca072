"""lam is used as drawn, without lam = max(lam, 1 - lam): half the batches lean towards the shuffled examples."""
EXERCISE = "MixUp"
TITLE = "lam used as drawn, without lam = max(lam, 1 - lam)"
EXPLANATION = ("Without the fold about half the batches get lam < 0.5, and their mixtures lie closer to the shuffled "
               "examples than to the batch's own. Keep lam = max(lam, 1 - lam), so every mixed input stays nearest "
               "its own example and its own target weighs most (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        self.lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
