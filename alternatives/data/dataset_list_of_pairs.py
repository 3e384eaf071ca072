"""The Dataset stores a list of (x, y) pairs, zipped once in __init__."""
EXERCISE = "Dataset"


class Dataset:
    def __init__(self, x, y):
        self.items = list(zip(x, y))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]
