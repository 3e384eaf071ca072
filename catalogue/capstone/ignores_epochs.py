"""train() always fits for one epoch, whatever `epochs` says."""
EXERCISE = "train"

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(1, seed, lr, batch_size)
