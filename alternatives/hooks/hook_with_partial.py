"""Hook with functools.partial(f, self) as torch's hook function, the handle kept and removed unconditionally."""
from functools import partial

EXERCISE = "Hook"


class Hook:
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(partial(f, self))

    def remove(self):
        self.handle.remove()  # a RemovableHandle may be removed twice

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
