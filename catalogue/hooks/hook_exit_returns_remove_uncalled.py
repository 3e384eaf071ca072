"""Hook.__exit__ returns self.remove without calling it: the hook stays, and the true return swallows exceptions."""
EXERCISE = "Hook"
TITLE = "Hook.__exit__ returns self.remove without calling it"
EXPLANATION = ("Without the parentheses remove never runs, so the hook stays after the with block; and a true value "
               "returned by __exit__ tells Python to swallow the block's exception. __exit__ must call self.remove() "
               "and return None (lesson 10: hooks as context managers).")


class Hook(Hook):
    def __exit__(self, *exc):
        return self.remove
