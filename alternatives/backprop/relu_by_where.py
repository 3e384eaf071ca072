"""relu as torch.where(x > 0, x, 0)."""
EXERCISE = "relu"


def relu(x):
    return torch.where(x > 0, x, torch.zeros((), dtype=x.dtype))
