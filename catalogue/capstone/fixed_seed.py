"""train() seeds torch with 0 whatever `seed` says: every seed gives the same model."""
EXERCISE = "train"

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs=epochs, seed=0, lr=lr, batch_size=batch_size)
