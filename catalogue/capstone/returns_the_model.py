"""train() returns the trained model instead of the Learner."""
EXERCISE = "train"
NOT_DIAGNOSED = "its tests train for about ten seconds a run: training calls are not replayed"
TITLE = "train() returns the model instead of the Learner"
EXPLANATION = ("The contract returns the fitted Learner, which holds the model with its data, loss, optimizer and "
               "callbacks; the model is learn.model. Return learn after learn.fit(epochs) (lessons 8-12: the "
               "capstone).")

_train = train


def train(epochs=8, seed=0, lr=1e-2, batch_size=64):
    return _train(epochs, seed, lr, batch_size).model
