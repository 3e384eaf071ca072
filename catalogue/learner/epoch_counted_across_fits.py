"""learn.epoch is set to 0 in __init__ and incremented after each epoch, so a second fit counts on from where
the first one stopped instead of from 0."""
EXERCISE = "Learner"
TITLE = "learn.epoch carried over from one fit to the next"
EXPLANATION = ("Each fit counts its epochs from 0, so callbacks that plan by epoch (a schedule, a progress bar's "
               "epoch 1/3) start over. Set only in __init__ and incremented after each epoch, learn.epoch makes a "
               "second fit start where the first one stopped; take it from range(n_epochs) in every fit (lessons "
               "9-10: the training loop).")


class Learner(Learner):
    def _all_epochs(self):
        for _ in range(self.n_epochs):
            self._stage("epoch", CancelEpochException, self._one_epoch)
            self.epoch += 1
