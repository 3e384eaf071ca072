"""Hooks keeps map(Hook, ...) without making a list: nothing is hooked until someone iterates, and len fails."""
EXERCISE = "Hooks"


class Hooks(Hooks):
    def __init__(self, ms, f):
        self.hooks = map(lambda m: Hook(m, f), ms)
