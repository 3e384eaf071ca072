"""collate makes the targets with torch.tensor(ys), which works for scalar targets only (and re-reads their
values); a vector target per item fails."""
EXERCISE = "collate"


def collate(batch):
    xs, ys = zip(*batch)
    return torch.stack(xs), torch.tensor([y.tolist() for y in ys])
