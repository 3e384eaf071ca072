"""combine_scheds hands each phase the global pos instead of the phase's own pos in [0, 1]."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    ends = []
    for pct in pcts:
        ends.append((ends[-1] if ends else 0.0) + pct)

    def schedule(pos):
        for end, sched in zip(ends, scheds):
            if pos <= end:
                return sched(pos)
        return scheds[-1](pos)
    return schedule
