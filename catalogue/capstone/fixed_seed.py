"""train() seeds torch with 0 whatever `seed` says: every seed gives the same model."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "train() seeds torch with a constant instead of its seed argument"
EXPLANATION = ("The seed argument is what makes a run both reproducible and variable on request: the weights, the "
               "dropout masks and the shuffling all come from torch's generator. Call torch.manual_seed(seed) with "
               "the given seed, first (lessons 8-12: the capstone).")

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs=epochs, seed=0, lr=lr, batch_size=batch_size)
