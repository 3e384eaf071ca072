"""combine_scheds asserts sum(pcts) == 1, as the lesson's notebook does: [0.7, 0.2, 0.1] sums to 0.9999999999999999."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds asserts sum(pcts) == 1 exactly"
EXPLANATION = ("Floating-point sums round: [0.7, 0.2, 0.1] adds up to 0.9999999999999999, so an exact test rejects "
               "valid fractions. Take pcts as given, and let the last phase take everything past the second-to-last "
               "boundary, pos 1 included (lesson 10: combining schedules).")


def combine_scheds(pcts, scheds):
    assert sum(pcts) == 1.0, "pcts must sum to 1"
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= bounds[i + 1] or i == len(scheds) - 1:
                return sched(min((pos - bounds[i]) / (bounds[i + 1] - bounds[i]), 1.0))

    return schedule
