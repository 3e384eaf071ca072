"""torch.where with zeros from torch.zeros(x.shape), float32 by default: a float16 input comes back as float32."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        zeros = torch.zeros(x.shape)
        if self.p == 1:
            return zeros.to(x.dtype)
        return torch.where(torch.rand(x.shape) >= self.p, x / (1 - self.p), zeros)
