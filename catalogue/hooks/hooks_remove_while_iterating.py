"""Hooks.remove() takes each Hook out of the list while iterating over it, and so skips every other one."""
EXERCISE = "Hooks"
TITLE = "Hooks.remove() deletes from the list while iterating over it"
EXPLANATION = ("Removing an item from a list during a for loop over it shifts the next item into the current slot, "
               "which the loop then skips: every other hook stays registered. Loop over the list and call "
               "hook.remove() on each, leaving the list alone (lesson 10: hooks).")


class Hooks(Hooks):
    def remove(self):
        for hook in self.hooks:
            self.hooks.remove(hook)
            hook.remove()
