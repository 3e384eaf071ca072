"""The Dataset keeps the tensors in a tuple and reads its length from x.shape[0]."""
EXERCISE = "Dataset"


class Dataset:
    def __init__(self, x, y):
        self.tensors = (x, y)

    def __len__(self):
        return self.tensors[0].shape[0]

    def __getitem__(self, i):
        return tuple(t[i] for t in self.tensors)
