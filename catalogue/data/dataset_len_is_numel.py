"""len(Dataset) is x.numel(), the number of values, not the number of items (right only for 1-D x)."""
EXERCISE = "Dataset"
TITLE = "len(Dataset) is x.numel(), the number of values"
EXPLANATION = ("A dataset's length is its number of items, len(x), the size of the first dimension. numel() counts "
               "every value, 784 times too many for (N, 784) images, and a sampler would ask for items that do not "
               "exist (lesson 9: Dataset).")


class Dataset(Dataset):
    def __len__(self):
        return self.x.numel()
