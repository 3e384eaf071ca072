"""A max learning rate of 3 with Adam: training diverges."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "maximum learning rate far too high (3 with Adam)"
EXPLANATION = ("Adam's steps are about lr in size whatever the gradient's scale, so a peak of 3 throws the weights "
               "around and training diverges. Find a good maximum with a learning-rate finder or start near 1e-2, and "
               "let OneCycle warm up to it (lessons 10-11: OneCycle and Adam).")

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs, seed, 3.0, batch_size)
