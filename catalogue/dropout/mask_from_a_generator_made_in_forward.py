"""Every call seeds a new generator with torch.initial_seed(): manual_seed reproduces it, but all masks are one."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        generator = torch.Generator().manual_seed(torch.initial_seed())
        keep = torch.rand(x.shape, generator=generator) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
