"""Dataset keeps x.numpy() and y.numpy(), so its items are numpy arrays, not tensors."""
EXERCISE = "Dataset"


class Dataset(Dataset):
    def __init__(self, x, y):
        super().__init__(x.numpy(), y.numpy())
