"""len(Dataset) is x.numel(), the number of values, not the number of items (right only for 1-D x)."""
EXERCISE = "Dataset"


class Dataset(Dataset):
    def __len__(self):
        return self.x.numel()
