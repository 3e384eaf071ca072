"""combine_scheds compares pos with each pcts[i] itself, not with the running sum of the pcts."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds compares pos with each pcts[i], not the running sum"
EXPLANATION = ("pcts[i] is how long phase i lasts, not where it ends: phase i ends at pcts[0] + ... + pcts[i]. "
               "Comparing pos with pcts[i] puts pos in the wrong phase as soon as the fractions differ (lesson 10: "
               "combining schedules).")


def combine_scheds(pcts, scheds):
    starts = [0.0]
    for pct in pcts[:-1]:
        starts.append(starts[-1] + pct)

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= pcts[i] or i == len(scheds) - 1:
                return sched(min(max((pos - starts[i]) / pcts[i], 0.0), 1.0))
    return schedule
