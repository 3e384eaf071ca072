"""The Sampler makes n // bs + 1 slices to keep the partial batch, so when bs divides n the last one is empty."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n) if self.shuffle else torch.arange(self.n)
        for b in range(self.n // self.bs + 1):
            yield order[b * self.bs:(b + 1) * self.bs]
