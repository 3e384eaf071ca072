"""The Sampler stores `shuffle` but never reads it: shuffle=True still gives 0, 1, 2, ... every pass."""
EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
