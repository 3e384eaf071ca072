"""The Sampler walks a start index with a while loop: torch.arange(start, stop) unshuffled, the permutation's
index_select shuffled; len by negated floor division."""
EXERCISE = "Sampler"


class Sampler:
    def __init__(self, ds, bs, shuffle=False):
        self.n = len(ds)
        self.bs = bs
        self.shuffle = shuffle

    def __iter__(self):
        perm = torch.randperm(self.n) if self.shuffle else None
        start = 0
        while start < self.n:
            stop = min(start + self.bs, self.n)
            idx = torch.arange(start, stop)
            yield idx if perm is None else perm.index_select(0, idx)
            start = stop

    def __len__(self):
        return -(-self.n // self.bs)
