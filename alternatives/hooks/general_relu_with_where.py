"""GeneralRelu with torch.where for the leaky part and torch.minimum for the clamp."""
EXERCISE = "GeneralRelu"


class GeneralRelu(nn.Module):
    def __init__(self, leak=None, sub=None, maxv=None):
        super().__init__()
        self.leak, self.sub, self.maxv = leak, sub, maxv

    def forward(self, x):
        slope = 0.0 if self.leak is None else self.leak
        out = torch.where(x >= 0, x, x * slope)
        if self.sub is not None:
            out = out - self.sub
        if self.maxv is not None:
            out = torch.minimum(out, torch.full_like(out, self.maxv))
        return out
