"""Hook.remove() only forgets the handle (self.handle = None) without calling its remove(): the hook stays."""
EXERCISE = "Hook"


class Hook(Hook):
    def remove(self):
        self.handle = None
