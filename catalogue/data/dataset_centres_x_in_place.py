"""Dataset centres its inputs in place (x -= x.mean(0)) in __init__: the items are not x[i], and the caller's x
is changed."""
EXERCISE = "Dataset"


class Dataset(Dataset):
    def __init__(self, x, y):
        if x.is_floating_point():
            x -= x.mean(0)
        super().__init__(x, y)
