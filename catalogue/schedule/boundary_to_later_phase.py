"""combine_scheds compares with < : a pos on a boundary goes to the later phase, at its pos 0."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds gives a boundary pos to the later phase (< instead of <=)"
EXPLANATION = ("A pos on a boundary belongs to the earlier phase, at its pos 1: compare with <=. With <, it goes to "
               "the later phase at its pos 0, a different value wherever the two phases do not meet (lesson 10: "
               "combining schedules).")


def combine_scheds(pcts, scheds):
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos < bounds[i + 1] or i == len(scheds) - 1:
                return sched(min((pos - bounds[i]) / (bounds[i + 1] - bounds[i]), 1.0))

    return schedule
