"""combine_scheds has no fallback after the last phase: pos 1, beyond pcts summing to 0.9999999999999999, gets None."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds has no fallback past the last phase"
EXPLANATION = ("pcts like [0.7, 0.2, 0.1] sum to 0.9999999999999999, so pos 1 lies past the last boundary and no "
               "phase claims it: the schedule returns None. Let the last phase take everything past the "
               "second-to-last boundary, pos 1 included (lesson 10: combining schedules).")


def combine_scheds(pcts, scheds):
    def schedule(pos):
        start = 0.0
        for pct, sched in zip(pcts, scheds):
            if pos <= start + pct:
                return sched((pos - start) / pct)
            start += pct

    return schedule
