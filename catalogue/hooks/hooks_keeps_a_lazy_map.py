"""Hooks keeps map(Hook, ...) without making a list: nothing is hooked until someone iterates, and len fails."""
EXERCISE = "Hooks"
TITLE = "Hooks keeps a lazy map(...) instead of a list of Hooks"
EXPLANATION = ("map is a one-pass iterator: no Hook is made until something iterates over it, len() and indexing "
               "fail, and once iterated it is empty, so remove() may find nothing to remove. Build a list, [Hook(m, "
               "f) for m in ms] (lesson 10: hooks).")


class Hooks(Hooks):
    def __init__(self, ms, f):
        self.hooks = map(lambda m: Hook(m, f), ms)
