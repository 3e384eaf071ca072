"""sched_lin forgets the start: pos * (end - start)."""
EXERCISE = "sched_lin"


def sched_lin(start, end, pos):
    return pos * (end - start)
