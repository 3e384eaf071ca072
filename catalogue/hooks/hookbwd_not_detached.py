"""HookBwd stores grad_output[0] as it is, without detach(): with create_graph=True it keeps a graph."""
EXERCISE = "HookBwd"


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        self.stored = grad_output[0]
