"""The mask compares torch.randn (normal) with p instead of torch.rand (uniform): the wrong fraction is dropped."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.randn(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
