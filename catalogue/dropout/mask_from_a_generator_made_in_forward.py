"""Every call seeds a new generator with torch.initial_seed(): manual_seed reproduces it, but all masks are one."""
EXERCISE = "Dropout"
TITLE = "fresh generator seeded with torch.initial_seed() on every call"
EXPLANATION = ("Reseeding on each call makes every mask the same, so the same units are dropped in every batch "
               "instead of a new random set each time. Draw from torch's global generator, torch.rand(x.shape), and "
               "let one torch.manual_seed outside the layer make runs reproducible (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        generator = torch.Generator().manual_seed(torch.initial_seed())
        keep = torch.rand(x.shape, generator=generator) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
