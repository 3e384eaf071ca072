"""No special case for p = 1: the mask is all zeros and 0 / 0 or inf * 0 gives nan."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
