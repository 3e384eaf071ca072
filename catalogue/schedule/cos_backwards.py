"""sched_cos with 1 + cos instead of 1 - cos: it starts at end and finishes at start."""
EXERCISE = "sched_cos"


def sched_cos(start, end, pos):
    return start + (1 + math.cos(math.pi * pos)) * (end - start) / 2
