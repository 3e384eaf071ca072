"""Hook registers a forward pre-hook: f runs before the module, with its input only, never its output."""
EXERCISE = "Hook"
TITLE = "Hook registers a forward pre-hook, which never sees the output"
EXPLANATION = ("A forward pre-hook runs before the module, with its input only. Statistics of the activations need "
               "the module's output, which only a forward hook (register_forward_hook) receives, after the module "
               "has run (lesson 10: hooks).")


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_pre_hook(lambda module, inp: f(self, module, inp, None))
