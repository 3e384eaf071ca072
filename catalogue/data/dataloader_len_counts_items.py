"""len(DataLoader) is len(ds), the number of items, not the sampler's number of batches."""
EXERCISE = "DataLoader"


class DataLoader(DataLoader):
    def __len__(self):
        return len(self.ds)
