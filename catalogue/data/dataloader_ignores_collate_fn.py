"""The DataLoader stores collate_fn but always calls the module's collate."""
EXERCISE = "DataLoader"


class DataLoader(DataLoader):
    def __iter__(self):
        for idxs in self.sampler:
            yield collate([self.ds[i] for i in idxs])
