"""The mask compares torch.randn (normal) with p instead of torch.rand (uniform): the wrong fraction is dropped."""
EXERCISE = "Dropout"
TITLE = "mask compares torch.randn (normal) with p instead of torch.rand"
EXPLANATION = ("rand >= p keeps an element with probability 1 - p only because torch.rand is uniform on [0, 1); a "
               "standard normal exceeds p with another probability (about 0.31 for p = 0.5), so the wrong fraction is "
               "dropped. Use torch.rand(x.shape) (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        return x * (torch.randn(x.shape) >= self.p).to(x.dtype) / (1 - self.p)
