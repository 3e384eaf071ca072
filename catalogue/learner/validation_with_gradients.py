"""The validation pass runs with gradients on (no torch.no_grad())."""
EXERCISE = "Learner"
TITLE = "validation pass run without torch.no_grad()"
EXPLANATION = ("Validation takes no step, so it needs no gradients: under torch.no_grad() autograd records nothing, "
               "which saves memory and time. Without it every validation batch builds a graph for nothing (lesson 9: "
               "the training loop).")


class Learner(Learner):
    def _one_epoch(self):
        self._one_pass(training=True)
        self._one_pass(training=False)
