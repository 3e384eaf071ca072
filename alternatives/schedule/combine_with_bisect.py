"""combine_scheds with cumulative sums and bisect_left (which puts a boundary in the earlier phase)."""
EXERCISE = "combine_scheds"


def combine_scheds(pcts, scheds):
    import bisect
    import itertools

    bounds = list(itertools.accumulate(pcts, initial=0.0))

    def schedule(pos):
        i = min(max(bisect.bisect_left(bounds, pos) - 1, 0), len(scheds) - 1)
        return scheds[i](min((pos - bounds[i]) / (bounds[i + 1] - bounds[i]), 1.0))

    return schedule
