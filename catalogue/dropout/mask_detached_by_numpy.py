"""The output is rebuilt through numpy, which cuts it off from autograd: no gradient reaches x."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = (torch.rand(x.shape) >= self.p).to(x.dtype)
        return torch.from_numpy((x.detach() * keep / (1 - self.p)).numpy())
