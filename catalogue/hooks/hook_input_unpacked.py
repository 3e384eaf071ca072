"""Hook passes input[0] to f instead of torch's input tuple."""
EXERCISE = "Hook"
TITLE = "Hook passes input[0] to f instead of torch's input tuple"
EXPLANATION = ("A forward hook receives the module's positional inputs as a tuple, since a module may take several, "
               "and f gets that tuple as it is. Unpacking input[0] hands f something other than the argument it was "
               "written for (lesson 10: hooks).")


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(self, module, inp[0], outp))
