"""The mask keeps an element with probability p (rand < p) instead of dropping it with probability p."""
EXERCISE = "Dropout"
TITLE = "mask keeps each element with probability p instead of dropping it"
EXPLANATION = ("p is the probability of dropping an element, so an element survives with probability 1 - p: keep it "
               "where torch.rand(x.shape) >= p. rand < p keeps a fraction p, and with the 1 / (1 - p) rescale the "
               "expected value is no longer x (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) < self.p).to(x.dtype) / (1 - self.p)
