"""The mask is applied in place (x.mul_), overwriting the caller's tensor."""
EXERCISE = "Dropout"
TITLE = "mask applied in place with x.mul_, overwriting the caller's tensor"
EXPLANATION = ("In-place operations write into the tensor the caller passed in, which it (and autograd, for the "
               "backward pass) may still need. Build the output as a new tensor: x * mask / (1 - p), and "
               "torch.zeros_like(x) for p = 1 (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return x.zero_()
        keep = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return x.mul_(keep).div_(1 - self.p)
