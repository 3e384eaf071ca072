"""sched_lin forgets the start: pos * (end - start)."""
EXERCISE = "sched_lin"
TITLE = "sched_lin without start: pos * (end - start)"
EXPLANATION = ("pos * (end - start) is how far the schedule has moved; its value is that distance added to the "
               "starting point, start + pos * (end - start). Without start it begins at 0 and ends at end - start "
               "(lesson 10: annealing schedules).")


def sched_lin(start, end, pos):
    return pos * (end - start)
