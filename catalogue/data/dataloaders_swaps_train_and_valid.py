"""DataLoaders stores its arguments the other way round: .train is the validation loader."""
EXERCISE = "DataLoaders"
TITLE = "DataLoaders stores train and valid the wrong way round"
EXPLANATION = ("DataLoaders(train, valid) keeps the first loader as .train and the second as .valid; swapped, the "
               "model is trained on the validation set and judged on the training set (lesson 9: DataLoaders).")


class DataLoaders(DataLoaders):
    def __init__(self, train, valid):
        self.valid, self.train = train, valid
