"""len(Sampler) is len(ds), the number of items, not the number of batches."""
EXERCISE = "Sampler"
TITLE = "len(Sampler) is the number of items, not of batches"
EXPLANATION = ("A Sampler yields batches, so its length is their number, ceil(n / bs) = (n + bs - 1) // bs; len(ds) "
               "counts the items (lesson 9: Sampler).")


class Sampler(Sampler):
    def __len__(self):
        return self.n
