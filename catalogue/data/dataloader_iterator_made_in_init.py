"""The DataLoader takes iter(sampler) once, in __init__: the first pass works, every later one is empty."""
EXERCISE = "DataLoader"
TITLE = "DataLoader takes iter(sampler) once, in __init__"
EXPLANATION = ("An iterator is used up by one pass: the first epoch gets every batch and every later one none. Start a "
               "new pass in __iter__, for idxs in self.sampler, which also lets a shuffled sampler draw a new order "
               "(lesson 9: DataLoader).")


class DataLoader(DataLoader):
    def __init__(self, ds, sampler, collate_fn=collate):
        super().__init__(ds, sampler, collate_fn)
        self.batches = iter(sampler)

    def __iter__(self):
        for idxs in self.batches:
            yield self.collate_fn([self.ds[i] for i in idxs])
