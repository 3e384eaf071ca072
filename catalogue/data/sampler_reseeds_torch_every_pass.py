"""The Sampler calls torch.manual_seed(42) before each permutation "to be reproducible": every pass repeats the
same order, and the caller's seed is ignored."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        if self.shuffle:
            torch.manual_seed(42)
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
