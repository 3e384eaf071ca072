"""sched_cos as a weighted average of start and end, the weight rising from 0 to 1 along half a cosine."""
EXERCISE = "sched_cos"


def sched_cos(start, end, pos):
    weight = (1 - math.cos(pos * math.pi)) / 2
    return (1 - weight) * start + weight * end
