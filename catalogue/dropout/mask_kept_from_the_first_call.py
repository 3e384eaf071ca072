"""The mask is drawn on the first call and kept for later inputs of that shape: every batch drops the same units."""
EXERCISE = "Dropout"
TITLE = "mask drawn once and reused for every later input of the same shape"
EXPLANATION = ("Dropout draws a new mask on every forward pass, so each batch trains a different random sub-network; "
               "a kept mask drops the same units every time, which removes them rather than regularising. Call "
               "torch.rand(x.shape) inside forward on every call (lesson 12: dropout).")


class Dropout(Dropout):
    mask = None

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        if self.mask is None or self.mask.shape != x.shape:
            self.mask = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return x * self.mask / (1 - self.p)
