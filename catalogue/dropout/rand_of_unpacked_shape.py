"""The mask is drawn with torch.rand(*x.shape), which fails on a 0-d tensor (nothing to unpack)."""
EXERCISE = "Dropout"
TITLE = "mask drawn with torch.rand(*x.shape), which fails on a 0-d tensor"
EXPLANATION = ("Unpacking an empty shape calls torch.rand() with no size, which raises TypeError, so a 0-d input "
               "breaks the layer. Pass the shape as a whole: torch.rand(x.shape) or torch.rand_like(x) (lesson 12: "
               "dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.rand(*x.shape) >= self.p).to(x.dtype) / (1 - self.p)
