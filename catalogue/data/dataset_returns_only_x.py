"""Dataset's __getitem__ returns x[i] alone, forgetting the target."""
EXERCISE = "Dataset"
TITLE = "Dataset's __getitem__ returns x[i] without the target"
EXPLANATION = ("Each item is a pair, ds[i] = (x[i], y[i]): the model needs the input and the loss needs the target, "
               "and collate stacks both (lesson 9: Dataset).")


class Dataset(Dataset):
    def __getitem__(self, i):
        return self.x[i]
