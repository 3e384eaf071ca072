"""combine_scheds hands each phase the global pos instead of the phase's own pos in [0, 1]."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds gives each phase the global pos, not the phase's own"
EXPLANATION = ("Each phase's schedule runs from its own pos 0 to its own pos 1, so pos must be rescaled: (pos - "
               "phase start) / phase length. With the global pos, each phase runs over only a slice of its curve "
               "(lesson 10: combining schedules).")


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
