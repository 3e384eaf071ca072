"""sched_lin in float32 tensors, with torch.lerp, returning a 0-d tensor as the lesson's code does."""
import torch  # solutions/schedule.py, which this is appended to, imports only math

EXERCISE = "sched_lin"


def sched_lin(start, end, pos):
    return torch.lerp(torch.tensor(start), torch.tensor(end), torch.tensor(pos))
