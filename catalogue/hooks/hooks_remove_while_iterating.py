"""Hooks.remove() takes each Hook out of the list while iterating over it, and so skips every other one."""
EXERCISE = "Hooks"


class Hooks(Hooks):
    def remove(self):
        for hook in self.hooks:
            self.hooks.remove(hook)
            hook.remove()
