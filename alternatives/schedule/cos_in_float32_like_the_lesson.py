"""sched_cos as the lesson writes it, start + (1 + cos(pi * (1 - pos))) * (end - start) / 2, in float32 tensors."""
import torch  # solutions/schedule.py, which this is appended to, imports only math

EXERCISE = "sched_cos"


def sched_cos(start, end, pos):
    start, end, pos = torch.tensor(start), torch.tensor(end), torch.tensor(pos)
    return start + (1 + torch.cos(math.pi * (1 - pos))) * (end - start) / 2
