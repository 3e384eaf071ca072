"""train() returns the trained model instead of the Learner."""
EXERCISE = "train"

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs, seed, lr, batch_size).model
