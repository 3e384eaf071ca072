"""combine_scheds turns the caller's pcts into cumulative sums in place (pcts[i] += pcts[i - 1])."""
EXERCISE = "combine_scheds"


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
