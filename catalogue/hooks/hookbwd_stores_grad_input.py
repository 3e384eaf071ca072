"""HookBwd stores grad_input[0] (the gradient of the module's input) instead of grad_output[0]."""
EXERCISE = "HookBwd"
TITLE = "HookBwd stores grad_input[0] instead of grad_output[0]"
EXPLANATION = ("A backward hook gets grad_input, the gradients with respect to the module's inputs, and grad_output, "
               "with respect to its output. Grad-CAM needs the gradient of the activations the module outputs: "
               "grad_output[0] (fastbook chapter 18: backward hooks).")


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        self.stored = grad_input[0].detach().clone()
