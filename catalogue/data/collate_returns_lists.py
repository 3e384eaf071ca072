"""collate separates inputs and targets but returns them as lists of tensors, never stacked."""
EXERCISE = "collate"
TITLE = "collate returns lists of tensors, never stacked"
EXPLANATION = ("A batch is one tensor of inputs and one of targets, with a new first dimension for the items: "
               "torch.stack(xs), torch.stack(ys). A model cannot take a Python list of tensors (lesson 9: collate).")


def collate(batch):
    xs = [x for x, _ in batch]
    ys = [y for _, y in batch]
    return xs, ys
