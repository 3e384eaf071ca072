"""combine_scheds replaces each entry of the caller's scheds list by a function of the global pos."""
EXERCISE = "combine_scheds"
TITLE = "combine_scheds replaces the caller's scheds with wrapped functions"
EXPLANATION = ("scheds belongs to the caller; writing wrapped functions into it changes their list, so a second "
               "combine_scheds on the same list wraps them again and rescales pos twice. Keep the boundaries and "
               "rescale pos inside the function returned (lesson 10: combining schedules).")


def combine_scheds(pcts, scheds):
    bounds = [0.0]
    for pct in pcts:
        bounds.append(bounds[-1] + pct)
    for i, sched in enumerate(scheds):
        scheds[i] = lambda pos, f=sched, a=bounds[i], b=bounds[i + 1]: f(min((pos - a) / (b - a), 1.0))

    def schedule(pos):
        for i, sched in enumerate(scheds):
            if pos <= bounds[i + 1] or i == len(scheds) - 1:
                return sched(pos)

    return schedule
