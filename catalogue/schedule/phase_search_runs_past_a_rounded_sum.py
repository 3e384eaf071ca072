"""combine_scheds walks past every boundary below pos: pcts summing to 0.9999999999999999 send pos 1 off the end."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds' phase search has no stop at the last phase"
EXPLANATION = ("pcts like [0.7, 0.2, 0.1] sum to 0.9999999999999999, so pos 1 is past every boundary and the search "
               "runs off the end of the list. The last phase must take everything past the second-to-last boundary, "
               "pos 1 included (lesson 10: combining schedules).")


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
