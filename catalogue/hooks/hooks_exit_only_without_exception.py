"""Hooks.__exit__ removes the hooks only when the block ended without an exception: they leak on an error."""
EXERCISE = "Hooks"


class Hooks(Hooks):
    def __exit__(self, exc_type, *rest):
        if exc_type is None:
            self.remove()
