"""combine_scheds that walks the phases subtracting each fraction from pos, the last phase taking what is left."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    def schedule(pos):
        for i, (pct, sched) in enumerate(zip(pcts, scheds)):
            if pos <= pct or i == len(scheds) - 1:
                return sched(min(max(pos / pct, 0.0), 1.0))
            pos -= pct

    return schedule
