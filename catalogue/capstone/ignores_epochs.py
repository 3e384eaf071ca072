"""train() always fits for one epoch, whatever `epochs` says."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "train() fits for one epoch whatever epochs says"
EXPLANATION = ("train(epochs, seed) must return the Learner after learn.fit(epochs): the number of passes over the "
               "training sequences is the caller's choice, and OneCycle's schedule spreads over all of them. Pass "
               "epochs to fit (lessons 8-12: the capstone).")

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(1, seed, lr, batch_size)
