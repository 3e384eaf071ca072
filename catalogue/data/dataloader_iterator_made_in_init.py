"""The DataLoader takes iter(sampler) once, in __init__: the first pass works, every later one is empty."""
EXERCISE = "DataLoader"


class DataLoader(DataLoader):
    def __init__(self, ds, sampler, collate_fn=collate):
        super().__init__(ds, sampler, collate_fn)
        self.batches = iter(sampler)

    def __iter__(self):
        for idxs in self.batches:
            yield self.collate_fn([self.ds[i] for i in idxs])
