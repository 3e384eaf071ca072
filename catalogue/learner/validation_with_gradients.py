"""The validation pass runs with gradients on (no torch.no_grad())."""
EXERCISE = "Learner"


class Learner(Learner):
    def _one_epoch(self):
        self._one_pass(training=True)
        self._one_pass(training=False)
