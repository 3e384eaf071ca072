"""sched_cos with cos(pi/2 * pos), a quarter cosine: start and end are right, everything between is wrong."""
EXERCISE = "sched_cos"
TITLE = "sched_cos with a quarter cosine, cos(pi/2 * pos)"
EXPLANATION = ("Cosine annealing uses half a cosine, (1 - cos(pi * pos)) / 2: flat at both ends and steepest in the "
               "middle. A quarter cosine (with the / 2 dropped) reaches start and end but is steepest at the end, "
               "with other values in between (lesson 10: cosine annealing).")


def sched_cos(start, end, pos):
    return start + (1 - math.cos(math.pi / 2 * pos)) * (end - start)
