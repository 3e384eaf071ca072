"""Hook registers f itself as torch's hook: f gets (module, input, output), without the Hook first."""
EXERCISE = "Hook"


class Hook(Hook):
    def __init__(self, m, f):
        self.handle = m.register_forward_hook(f)
