"""Hook.remove() deletes the handle attribute after removing it, so a second remove() raises AttributeError."""
EXERCISE = "Hook"


class Hook(Hook):
    def remove(self):
        self.handle.remove()
        del self.handle
