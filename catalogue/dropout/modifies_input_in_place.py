"""The mask is applied in place (x.mul_), overwriting the caller's tensor."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return x.zero_()
        keep = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return x.mul_(keep).div_(1 - self.p)
