"""Dataset's __getitem__ returns x[i] alone, forgetting the target."""
EXERCISE = "Dataset"


class Dataset(Dataset):
    def __getitem__(self, i):
        return self.x[i]
