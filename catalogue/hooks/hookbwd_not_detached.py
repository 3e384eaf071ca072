"""HookBwd stores grad_output[0] as it is, without detach(): with create_graph=True it keeps a graph."""
EXERCISE = "HookBwd"
TITLE = "HookBwd stores grad_output[0] without detach()"
EXPLANATION = ("A gradient computed with create_graph=True carries a graph of its own: stored without detach(), it "
               "keeps that graph, and the memory behind it, alive. Store grad_output[0].detach().clone() (fastbook "
               "chapter 18: backward hooks).")


class HookBwd(HookBwd):
    def _store(self, module, grad_input, grad_output):
        self.stored = grad_output[0]
