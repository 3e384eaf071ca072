"""len(Sampler) is len(ds), the number of items, not the number of batches."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __len__(self):
        return self.n
