"""MixUp that draws lam in float64, reads the pass from the model's training flag (the Learner sets both), and
mixes the inputs by indexing a stacked pair."""
EXERCISE = "MixUp"


class MixUp(Callback):
    def __init__(self, alpha: float = 0.4):
        a = torch.tensor(alpha, dtype=torch.float64)
        self.beta = torch.distributions.Beta(a, a)

    def before_batch(self):
        if not self.learn.model.training:
            return
        lam = self.beta.sample().item()
        self.weights = (max(lam, 1 - lam), min(lam, 1 - lam))
        self.perm = torch.randperm(len(self.learn.xb))
        pair = torch.stack([self.learn.xb, self.learn.xb[self.perm]])
        self.learn.xb = self.weights[0] * pair[0] + self.weights[1] * pair[1]

    def after_loss(self):
        if not self.learn.model.training:
            return
        f, p, y = self.learn.loss_func, self.learn.preds, self.learn.yb
        self.learn.loss = self.weights[0] * f(p, y) + self.weights[1] * f(p, y[self.perm])
