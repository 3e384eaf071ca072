"""combine_scheds walks past every boundary below pos: pcts summing to 0.9999999999999999 send pos 1 off the end."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)

    def schedule(pos):
        i = 0
        while pos > bounds[i + 1]:
            i += 1
        return scheds[i]((pos - bounds[i]) / (bounds[i + 1] - bounds[i]))

    return schedule
