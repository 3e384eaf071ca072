"""collate reads b[0] and b[1] of each pair into two comprehensions and stacks them."""
EXERCISE = "collate"


def collate(batch):
    xb = torch.stack([b[0] for b in batch])
    yb = torch.stack([b[1] for b in batch])
    return xb, yb
