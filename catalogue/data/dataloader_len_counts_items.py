"""len(DataLoader) is len(ds), the number of items, not the sampler's number of batches."""
EXERCISE = "DataLoader"
TITLE = "len(DataLoader) is the number of items, not of batches"
EXPLANATION = ("A DataLoader yields one batch per index batch of its sampler, so its length is len(self.sampler), "
               "ceil(n / bs); len(ds) counts the items (lesson 9: DataLoader).")


class DataLoader(DataLoader):
    def __len__(self):
        return len(self.ds)
