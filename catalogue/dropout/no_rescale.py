"""Dropout without the 1/(1-p) rescale: the expected activation shrinks by a factor 1 - p."""
EXERCISE = "Dropout"
TITLE = "kept elements not rescaled by 1 / (1 - p)"
EXPLANATION = ("Zeroing a fraction p shrinks the expected activation to (1 - p) * x, so training and inference (which "
               "returns x) see activations of different sizes. Inverted dropout divides the survivors by 1 - p, so "
               "that E[out] = x (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(x.shape) >= self.p).to(x.dtype)
