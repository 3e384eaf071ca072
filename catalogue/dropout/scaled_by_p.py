"""Survivors scaled by 1/p instead of 1/(1-p)."""
EXERCISE = "Dropout"
TITLE = "kept elements scaled by 1 / p instead of 1 / (1 - p)"
EXPLANATION = ("An element survives with probability 1 - p, so dividing the survivors by 1 - p gives E[out] = (1 - p) "
               "* x / (1 - p) = x. Dividing by p keeps the expected value only at p = 0.5 (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / self.p
