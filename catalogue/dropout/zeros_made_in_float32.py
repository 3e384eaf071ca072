"""torch.where with zeros from torch.zeros(x.shape), float32 by default: a float16 input comes back as float32."""
EXERCISE = "Dropout"
TITLE = "zeros made with torch.zeros(x.shape), float32 whatever x's dtype"
EXPLANATION = ("torch.zeros defaults to float32, and torch.where of a float16 tensor and a float32 one promotes the "
               "result to float32, so the layer changes its input's dtype. Use torch.zeros_like(x), or a mask "
               "converted with .to(x.dtype) (lesson 12: dropout).")


class Dropout(Dropout):
    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        zeros = torch.zeros(x.shape)
        if self.p == 1:
            return zeros.to(x.dtype)
        return torch.where(torch.rand(x.shape) >= self.p, x / (1 - self.p), zeros)
