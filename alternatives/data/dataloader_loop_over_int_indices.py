"""The DataLoader's __iter__ is a generator that gathers each batch's items with int indices in a loop."""
EXERCISE = "DataLoader"


class DataLoader:
    def __init__(self, ds, sampler, collate_fn=collate):
        self.ds = ds
        self.sampler = sampler
        self.collate_fn = collate_fn

    def __iter__(self):
        for idxs in iter(self.sampler):
            items = []
            for i in idxs.tolist():
                items.append(self.ds[i])
            yield self.collate_fn(items)

    def __len__(self):
        return len(self.sampler)
