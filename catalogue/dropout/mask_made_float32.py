"""The mask is made with .float(): a float16 input comes back as float32."""
EXERCISE = "Dropout"


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        if self.p == 1:
            return torch.zeros_like(x)
        mask = (torch.rand(x.shape) >= self.p).float()
        return x * mask / (1 - self.p)
