"""combine_scheds compares pos with each pcts[i] itself, not with the running sum of the pcts."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    starts = [0.0]
    for pct in pcts[:-1]:
        starts.append(starts[-1] + pct)

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= pcts[i] or i == len(scheds) - 1:
                return sched(min(max((pos - starts[i]) / pcts[i], 0.0), 1.0))
    return schedule
