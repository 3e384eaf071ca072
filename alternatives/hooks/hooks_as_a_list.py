"""Hooks as a subclass of list: len, indexing and iteration are the list's own."""
EXERCISE = "Hooks"


class Hooks(list):
    def __init__(self, ms, f):
        super().__init__(Hook(m, f) for m in ms)

    def remove(self):
        for hook in self:
            hook.remove()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
