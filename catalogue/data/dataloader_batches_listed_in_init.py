"""The DataLoader lists the sampler's batches once, in __init__: every pass repeats them, so a shuffled
sampler's new order never reaches training."""
EXERCISE = "DataLoader"
TITLE = "DataLoader lists the sampler's batches once, in __init__"
EXPLANATION = ("A shuffled sampler draws a fresh order at the start of each pass; listing its batches once freezes the "
               "first order, and every epoch repeats it. Iterate self.sampler in __iter__, anew on every pass (lesson "
               "9: DataLoader).")


class DataLoader(DataLoader):
    def __init__(self, ds, sampler, collate_fn=collate):
        super().__init__(ds, sampler, collate_fn)
        self.batches = list(sampler)

    def __iter__(self):
        for idxs in self.batches:
            yield self.collate_fn([self.ds[i] for i in idxs])
