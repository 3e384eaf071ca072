"""DataLoader's collate_fn defaults to None and is then skipped: DataLoader(ds, sampler) yields lists of pairs."""
EXERCISE = "DataLoader"
TITLE = "DataLoader's collate_fn defaults to None, yielding lists of pairs"
EXPLANATION = ("collate_fn defaults to the module's collate (collate_fn=collate), so DataLoader(ds, sampler) yields "
               "stacked batches (xb, yb), as torch's DataLoader does; with None it yields the raw list of (x, y) pairs "
               "(lesson 9: DataLoader).")


class DataLoader(DataLoader):
    def __init__(self, ds, sampler, collate_fn=None):
        super().__init__(ds, sampler, collate_fn)

    def __iter__(self):
        for idxs in self.sampler:
            items = [self.ds[i] for i in idxs]
            yield items if self.collate_fn is None else self.collate_fn(items)
