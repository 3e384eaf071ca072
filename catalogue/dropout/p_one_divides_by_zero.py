"""No special case for p = 1: the mask is all zeros and 0 / 0 or inf * 0 gives nan."""
EXERCISE = "Dropout"
TITLE = "no special case for p = 1: 0 / 0 gives nan"
EXPLANATION = ("With p = 1 the mask is all zeros and 1 / (1 - p) divides by zero, so the output is nan (x * 0 is nan "
               "already where x is inf). Everything is dropped, so return torch.zeros_like(x) outright (lesson 12: "
               "dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
