"""One random number per row (the first axis): a whole row is kept or dropped together."""
EXERCISE = "Dropout"
TITLE = "one random number per row: whole rows kept or dropped together"
EXPLANATION = ("Dropout zeroes each element independently; a mask of shape (N, 1, ...) keeps or drops an entire "
               "example at once, which is another regulariser. Draw one number per element with torch.rand(x.shape) "
               "(lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape[:1] + (1,) * (x.dim() - 1)) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
