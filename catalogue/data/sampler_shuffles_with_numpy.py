"""The Sampler draws np.random.permutation(n), from numpy's generator, which torch.manual_seed does not seed."""
import numpy as np

EXERCISE = "Sampler"


class Sampler(Sampler):
    def __iter__(self):
        order = torch.from_numpy(np.random.permutation(self.n)) if self.shuffle else torch.arange(self.n)
        for i in range(0, self.n, self.bs):
            yield order[i:i + self.bs]
