"""A max learning rate of 3 with Adam: training diverges."""
EXERCISE = "train"

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs, seed, 3.0, batch_size)
