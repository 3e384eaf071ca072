"""The mask comes from a private generator seeded once, so torch.manual_seed does not reproduce it."""
EXERCISE = "Dropout"
TITLE = "mask drawn from a private generator seeded once in __init__"
EXPLANATION = ("A generator of the layer's own ignores torch.manual_seed, so setting the seed does not reproduce a "
               "run, and every new layer repeats the same masks. Draw the mask from torch's global generator with "
               "torch.rand(x.shape) (lesson 12: dropout).")


class Dropout(Dropout):
    def __init__(self, p=0.5):
        super().__init__(p)
        self.generator = torch.Generator().manual_seed(1234)

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        keep = torch.rand(x.shape, generator=self.generator) >= self.p
        return x * keep.to(x.dtype) / (1 - self.p)
