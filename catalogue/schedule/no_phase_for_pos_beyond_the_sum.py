"""combine_scheds has no fallback after the last phase: pos 1, beyond pcts summing to 0.9999999999999999, gets None."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    def schedule(pos):
        start = 0.0
        for pct, sched in zip(pcts, scheds):
            if pos <= start + pct:
                return sched((pos - start) / pct)
            start += pct

    return schedule
