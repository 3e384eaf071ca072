"""Hook calls f(module, hook, input, output): the Hook and the module in the wrong order."""
EXERCISE = "Hook"
TITLE = "Hook calls f(module, hook, ...): the Hook and the module swapped"
EXPLANATION = ("f is called as f(hook, module, input, output): the Hook first, so that f can keep state on it "
               "(hook.stats), then torch's three arguments. Swapped, f stores its state on the module and takes the "
               "Hook for the layer (lesson 10: hooks).")


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(lambda module, inp, outp: f(module, self, inp, outp))
