"""combine_scheds finds the phase with pos < bound and no fallback: pos 1 runs off the end of the list."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds searches with pos < bound and has no last-phase fallback"
EXPLANATION = ("pos 1 is part of the schedule: the last phase takes everything past the second-to-last boundary. "
               "Searching for the first bound with pos < bound finds none at pos 1 and runs off the end; it also "
               "gives a boundary to the later phase, where <= would give it to the earlier (lesson 10: combining "
               "schedules).")


def combine_scheds(pcts, scheds):
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)

    def schedule(pos):
        i = 0
        while not pos < bounds[i + 1]:
            i += 1
        return scheds[i]((pos - bounds[i]) / (bounds[i + 1] - bounds[i]))

    return schedule
