"""The DataLoader yields ds[idxs], indexing the dataset with the whole index tensor at once: no collate_fn."""
EXERCISE = "DataLoader"
TITLE = "DataLoader yields ds[idxs], skipping collate_fn"
EXPLANATION = ("Indexing the dataset with the whole index tensor works only for a dataset that supports it, and skips "
               "the collate_fn given. The DataLoader indexes one item at a time and hands the list to collate_fn: "
               "collate_fn([ds[i] for i in idxs]) (lesson 9: DataLoader).")


class DataLoader(DataLoader):
    def __iter__(self):
        for idxs in self.sampler:
            yield self.ds[idxs]
