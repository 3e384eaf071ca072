"""Hook.remove() clears the module's _forward_hooks: it removes every other hook on the module too."""
EXERCISE = "Hook"
TITLE = "Hook.remove() clears every hook on the module"
EXPLANATION = ("Several hooks may watch one module (statistics, Grad-CAM, a library's own); remove() takes out its "
               "own only. Keep the handle register_forward_hook returns and call its remove(), rather than clearing "
               "the module's _forward_hooks (lesson 10: hooks).")


class Hook(Hook):
    def __init__(self, m, f):
        self.m = m
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp, outp))

    def remove(self):
        self.m._forward_hooks.clear()
