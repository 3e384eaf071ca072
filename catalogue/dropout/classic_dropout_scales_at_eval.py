"""Classic (non-inverted) dropout: no rescale in training, and x * (1 - p) at inference."""
EXERCISE = "Dropout"
TITLE = "classic dropout: no rescale in training, x * (1 - p) at inference"
EXPLANATION = ("This layer is inverted dropout: training divides the kept elements by 1 - p, so each element keeps "
               "its expected value and inference returns x untouched. Classic dropout scales at inference instead, "
               "which gives other training outputs and changes x in eval mode (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training:
            return x * (1 - self.p)
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype)
