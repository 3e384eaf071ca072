"""HookBwd stores grad_input[0] (the gradient of the module's input) instead of grad_output[0]."""
EXERCISE = "HookBwd"


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        self.stored = grad_input[0].detach().clone()
