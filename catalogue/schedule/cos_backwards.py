"""sched_cos with 1 + cos instead of 1 - cos: it starts at end and finishes at start."""
EXERCISE = "sched_cos"
TITLE = "sched_cos with 1 + cos, which runs from end back to start"
EXPLANATION = ("cos(0) = 1 and cos(pi) = -1, so (1 - cos(pi * pos)) / 2 goes from 0 to 1 and start + that * (end - "
               "start) from start to end. With 1 + cos the weight goes from 1 to 0, and the schedule runs backwards "
               "(lesson 10: cosine annealing).")


def sched_cos(start, end, pos):
    return start + (1 + math.cos(math.pi * pos)) * (end - start) / 2
