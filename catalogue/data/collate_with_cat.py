"""collate joins the items with torch.cat instead of torch.stack: no batch dimension (and 0-d targets fail)."""
EXERCISE = "collate"


def collate(batch):
    xs, ys = zip(*batch)
    return torch.cat(xs), torch.cat(ys)
