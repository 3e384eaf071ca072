"""combine_scheds puts the 0 boundary into the caller's list (pcts.insert(0, 0.0)) and sums it in place."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds inserts 0 into the caller's pcts and sums it in place"
EXPLANATION = ("pcts belongs to the caller: pcts.insert(0, 0.0) and running sums in place leave them a longer, "
               "different list, which breaks their next use of it. Build the boundaries in a new list (lesson 10: "
               "combining schedules).")


def combine_scheds(pcts, scheds):
    pcts.insert(0, 0.0)
    for i in range(1, len(pcts)):
        pcts[i] += pcts[i - 1]

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= pcts[i + 1] or i == len(scheds) - 1:
                return sched(min((pos - pcts[i]) / (pcts[i + 1] - pcts[i]), 1.0))

    return schedule
