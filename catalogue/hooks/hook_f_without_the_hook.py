"""Hook registers f itself as torch's hook: f gets (module, input, output), without the Hook first."""
EXERCISE = "Hook"
TITLE = "f registered as torch's hook itself, without the Hook argument"
EXPLANATION = ("torch calls a forward hook with (module, input, output), but f takes the Hook first so that it can "
               "keep state on it. Register a small function that calls f(self, module, input, output) (lesson 10: "
               "hooks).")


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(f)
