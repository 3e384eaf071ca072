"""Hook registers a forward pre-hook: f runs before the module, with its input only, never its output."""
EXERCISE = "Hook"


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_pre_hook(lambda module, inp: f(self, module, inp, None))
