"""The Sampler yields each batch as a Python list of ints (list(range(...))), not an int64 tensor."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.randperm(self.n).tolist() if self.shuffle else list(range(self.n))
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
