"""The inputs are mixed in place (xb.mul_(lam).add_(...)): the batch the learner handed over is changed."""
EXERCISE = "MixUp"
TITLE = "inputs mixed in place (xb.mul_(lam).add_(...))"
EXPLANATION = ("mul_ and add_ write the mixture into the batch the learner handed over, so the original examples are "
               "lost to anything that uses that tensor again. Build a new tensor: learn.xb = lam * xb + (1 - lam) * "
               "xb[perm] (lesson 12 and fastbook chapter 7: mixup).")


class MixUp(MixUp):
    def before_batch(self):
        learn = self.learn
        if not learn.training:
            return
        concentration = torch.tensor(float(self.alpha))
        lam = torch.distributions.Beta(concentration, concentration).sample().item()
        self.lam = max(lam, 1 - lam)
        self.perm = torch.randperm(len(learn.xb))
        shuffled = learn.xb[self.perm]
        learn.xb = learn.xb.mul_(self.lam).add_(shuffled, alpha=1 - self.lam)
