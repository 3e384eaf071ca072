"""Hook passes input[0] to f instead of torch's input tuple."""
EXERCISE = "Hook"


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp[0], outp))
