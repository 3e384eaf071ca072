"""combine_scheds turns the caller's pcts into cumulative sums in place (pcts[i] += pcts[i - 1])."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds turns the caller's pcts into running sums in place"
EXPLANATION = ("pcts belongs to the caller, who may use it again (for another schedule, for the momentum); pcts[i] "
               "+= pcts[i - 1] changes it behind their back. Build the boundaries in a new list, a running sum or "
               "itertools.accumulate (lesson 10: combining schedules).")


def combine_scheds(pcts, scheds):
    for i in range(1, len(pcts)):
        pcts[i] += pcts[i - 1]
    ends = pcts

    def schedule(pos):
        for i, sched in enumerate(scheds):
            start = ends[i - 1] if i else 0.0
            if pos <= ends[i] or i == len(scheds) - 1:
                return sched(min((pos - start) / (ends[i] - start), 1.0))

    return schedule
