"""collate empties the list it is given, popping each pair off it: the caller's list is gone."""
EXERCISE = "collate"


def collate(batch):
    xs, ys = [], []
    while batch:
        x, y = batch.pop(0)
        xs.append(x)
        ys.append(y)
    return torch.stack(xs), torch.stack(ys)
