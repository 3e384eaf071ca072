"""Hook.remove() deletes the handle attribute after removing it, so a second remove() raises AttributeError."""
EXERCISE = "Hook"
TITLE = "Hook.remove() deletes the handle, so a second remove() raises"
EXPLANATION = ("remove() may be called twice: by hand, then by the with block on leaving. After del self.handle the "
               "second call raises AttributeError; a handle's remove() is harmless twice, or set the handle to None "
               "and test for it (lesson 10: hooks).")


class Hook(Hook):
    def remove(self):
        self.handle.remove()
        del self.handle
