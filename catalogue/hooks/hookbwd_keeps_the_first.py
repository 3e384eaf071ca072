"""HookBwd stores only the first gradient it sees (if self.stored is None) and ignores later backward passes."""
EXERCISE = "HookBwd"
TITLE = "HookBwd stores only the first gradient it sees"
EXPLANATION = ("Each backward pass through the module brings a new gradient, and stored must hold the latest. "
               "Storing only while stored is None keeps the first pass's gradient for good (fastbook chapter 18: "
               "backward hooks).")


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        if self.stored is None:
            self.stored = grad_output[0].detach().clone()
