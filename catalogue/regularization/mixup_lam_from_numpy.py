"""lam comes from numpy's Beta (the right distribution), which torch.manual_seed does not reproduce."""
EXERCISE = "MixUp"
NOT_DIAGNOSED = "its lam comes from numpy's generator, which the judge does not seed: not replayable"
TITLE = "lam drawn with numpy's random.beta instead of torch's generator"
EXPLANATION = ("numpy's Beta is the right distribution, but torch.manual_seed does not seed numpy, so the same seed "
               "gives other mixtures and a run cannot be reproduced. Draw lam with torch.distributions.Beta(alpha, "
               "alpha).sample(), from torch's global generator (lesson 12 and fastbook chapter 7: mixup).")
import numpy as np  # noqa: E402


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        lam = float(np.random.beta(self.alpha, self.alpha))
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        learn.xb = self.lam * learn.xb + (1 - self.lam) * learn.xb[self.perm]
