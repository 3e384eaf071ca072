"""collate empties the list it is given, popping each pair off it: the caller's list is gone."""
EXERCISE = "collate"
TITLE = "collate pops the pairs off the list it is given"
EXPLANATION = ("collate reads the list of pairs and leaves it as it was; popping empties the caller's list. Read it "
               "instead: xs, ys = zip(*batch), then torch.stack each (lesson 9: collate).")


def collate(batch):
    xs, ys = [], []
    while batch:
        x, y = batch.pop(0)
        xs.append(x)
        ys.append(y)
    return torch.stack(xs), torch.stack(ys)
