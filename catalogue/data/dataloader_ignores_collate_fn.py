"""The DataLoader stores collate_fn but always calls the module's collate."""
EXERCISE = "DataLoader"
TITLE = "DataLoader always calls collate, ignoring the collate_fn it was given"
EXPLANATION = ("The collate_fn passed in makes each batch: yield self.collate_fn([self.ds[i] for i in idxs]). Calling "
               "the module's collate by name throws away the caller's choice (lesson 9: DataLoader).")


class DataLoader(DataLoader):
    def __iter__(self):
        for idxs in self.sampler:
            yield collate([self.ds[i] for i in idxs])
