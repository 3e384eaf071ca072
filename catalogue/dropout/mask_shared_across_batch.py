"""One mask for the whole batch: drawn for x.shape[1:] and broadcast over the first axis."""
EXERCISE = "Dropout"
TITLE = "one mask for the whole batch, broadcast over the first axis"
EXPLANATION = ("Each element of every example must be dropped independently; a mask drawn for x.shape[1:] and "
               "broadcast drops the same units in every example of the batch. Draw one number per element with "
               "torch.rand(x.shape) (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape[1:]) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
