"""Hook.remove() clears the module's _forward_hooks: it removes every other hook on the module too."""
EXERCISE = "Hook"


class Hook(Hook):
    def __init__(self, m, f):
        self.m = m
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp, outp))

    def remove(self):
        self.m._forward_hooks.clear()
