"""HookBwd adds each backward pass's gradient to .stored (like .grad) instead of replacing it."""
EXERCISE = "HookBwd"
TITLE = "HookBwd adds each backward pass's gradient to stored"
EXPLANATION = ("stored holds the gradient of the latest backward pass through the module, replaced each time. Adding "
               "them up, as .grad does, mixes in the gradients of every earlier pass (fastbook chapter 18: backward "
               "hooks).")


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        g = grad_output[0].detach().clone()
        self.stored = g if self.stored is None else self.stored + g
