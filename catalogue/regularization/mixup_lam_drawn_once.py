"""lam is drawn once, in the constructor, and every batch is mixed with it."""
EXERCISE = "MixUp"
NOT_DIAGNOSED = "its lam comes from torch's generator before the test seeds it: not replayable"
TITLE = "lam drawn once in the constructor and reused for every batch"
EXPLANATION = ("Mixup draws a fresh lam from Beta(alpha, alpha) before every training batch, so the model sees "
               "mixtures of every strength; one draw at construction mixes every batch by the same amount. Draw lam "
               "in before_batch, then the permutation (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def __init__(self, alpha=0.4):
        self.alpha = alpha
        concentration = torch.tensor(float(alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)

    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
