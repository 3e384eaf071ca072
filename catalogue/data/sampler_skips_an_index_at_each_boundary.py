"""The Sampler steps bs + 1 through the order (range(0, n, bs + 1)) while slicing bs: one index between
batches is skipped every time."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs + 1):
            yield order[i:i + self.bs]
