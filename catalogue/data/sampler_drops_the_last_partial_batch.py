"""The Sampler yields n // bs full batches and drops the last, partial one (its indices are never seen)."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for b in range(self.n // self.bs):
            yield order[b * self.bs:(b + 1) * self.bs]
