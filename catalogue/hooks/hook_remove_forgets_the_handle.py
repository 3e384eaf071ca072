"""Hook.remove() only forgets the handle (self.handle = None) without calling its remove(): the hook stays."""
EXERCISE = "Hook"
TITLE = "Hook.remove() drops the handle without calling its remove()"
EXPLANATION = ("Forgetting the handle unregisters nothing: the module still holds the hook and calls it at every "
               "forward pass, and now nothing can remove it. Call self.handle.remove() (lesson 10: hooks).")


class Hook(Hook):
    def remove(self):
        self.handle = None
