"""combine_scheds finds the phase with pos < bound and no fallback: pos 1 runs off the end of the list."""
EXERCISE = "combine_scheds"


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
