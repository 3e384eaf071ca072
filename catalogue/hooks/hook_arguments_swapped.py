"""Hook calls f(module, hook, input, output): the Hook and the module in the wrong order."""
EXERCISE = "Hook"


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(module, self, inp, outp))
