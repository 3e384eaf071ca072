"""Hook.__exit__ returns self.remove without calling it: the hook stays, and the true return swallows exceptions."""
EXERCISE = "Hook"


class Hook(Hook):
    def __exit__(self, *exc):
        return self.remove
