"""sched_cos with cos(pi/2 * pos), a quarter cosine: start and end are right, everything between is wrong."""
EXERCISE = "sched_cos"


def sched_cos(start, end, pos):
    return start + (1 - math.cos(math.pi / 2 * pos)) * (end - start)
