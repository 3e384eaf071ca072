"""Hooks.__exit__ removes the hooks only when the block ended without an exception: they leak on an error."""
EXERCISE = "Hooks"
TITLE = "Hooks.__exit__ removes the hooks only when no exception was raised"
EXPLANATION = ("The with block is there so that the hooks go whatever happens, and an error in the block is exactly "
               "when they must not stay behind. __exit__ calls self.remove() unconditionally and returns None, so "
               "that the exception goes on (lesson 10: hooks as context managers).")


class Hooks(Hooks):
    def __exit__(self, exc_type, *rest):
        if exc_type is None:
            self.remove()
